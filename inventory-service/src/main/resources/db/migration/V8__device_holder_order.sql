-- The device list sorted by its "Holder" column: by the holder's family name, then given name, then asset tag, page
-- after page. The holder's name lives in the person table, and ordering a million devices by a joined column sorts them
-- all for every page; so each device carries its holder's sort key, kept by the database itself (whichever way a
-- device is assigned or a person renamed: the API, a CSV import or the HR sync), and an index ending in the asset tag
-- serves the keyset walk as the other orders' indexes do. A device with no holder has the empty key: first in
-- ascending order, last in descending.
alter table device add column holder_order text not null default '';

create function person_holder_order(family_name text, given_name text) returns text
    language sql immutable as $$ select lower(family_name) || ' ' || lower(given_name) $$;

create function device_holder_order() returns trigger
    language plpgsql as $$
begin
    if new.assignee_id is null then
        new.holder_order := '';
    else
        select person_holder_order(p.family_name, p.given_name) into new.holder_order from person p
         where p.id = new.assignee_id;
        new.holder_order := coalesce(new.holder_order, '');
    end if;
    return new;
end
$$;

create trigger device_holder_order before insert or update of assignee_id on device
    for each row execute function device_holder_order();

create function person_renamed_holder_order() returns trigger
    language plpgsql as $$
begin
    update device set holder_order = person_holder_order(new.family_name, new.given_name)
     where assignee_id = new.id;
    return null;
end
$$;

create trigger person_renamed_holder_order after update of family_name, given_name on person
    for each row
    when (old.family_name is distinct from new.family_name or old.given_name is distinct from new.given_name)
    execute function person_renamed_holder_order();

update device d set holder_order = person_holder_order(p.family_name, p.given_name)
  from person p
 where p.id = d.assignee_id;

create index device_holder_order_tag_idx on device (holder_order, asset_tag);
