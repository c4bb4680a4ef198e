-- District ids are compared in one canonical form in every service: trimmed and upper case (what inventory stores and
-- sends). Reports filed before this version kept the reporter's id as the identity provider spelled it.
update loss_report set reported_by = upper(btrim(reported_by)) where reported_by <> upper(btrim(reported_by));
update loss_report set holder_district_id = upper(btrim(holder_district_id))
    where holder_district_id <> upper(btrim(holder_district_id));
