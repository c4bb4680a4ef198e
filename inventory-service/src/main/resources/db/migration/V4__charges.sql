-- inventory-service: charges (what a person owes for a damaged or lost device), their payments and waivers.
-- A charge keeps its running totals, so a payment or waiver locks one row and checks one sum; the constraints below
-- hold the totals and the status true whatever writes them.

create table charge (
    id          uuid primary key,
    person_id   uuid           not null references person (id),
    device_id   uuid           not null references device (id),
    reason      text           not null check (reason in ('DAMAGE', 'LOSS')),
    description text           not null check (length(description) between 1 and 500),
    amount      numeric(10, 2) not null check (amount > 0 and amount <= 100000.00),
    paid        numeric(10, 2) not null default 0 check (paid >= 0),
    waived      numeric(10, 2) not null default 0 check (waived >= 0),
    status      text           not null check (status in ('OPEN', 'PAID', 'WAIVED', 'SETTLED')),
    created_by  text           not null,
    version     bigint         not null default 0,
    created_at  timestamptz    not null,
    updated_at  timestamptz    not null,
    -- Nothing is ever paid or waived beyond what was charged.
    constraint charge_not_overdrawn check (paid + waived <= amount),
    -- OPEN while something is outstanding; once nothing is, the status says how it was settled.
    constraint charge_status_matches_totals check (
        (status = 'OPEN' and paid + waived < amount)
        or (status = 'PAID' and paid = amount)
        or (status = 'WAIVED' and waived = amount)
        or (status = 'SETTLED' and paid + waived = amount and paid > 0 and waived > 0))
);
-- Lists are newest first, by person, by device or all, each a range of one index.
create index charge_created_idx on charge (created_at desc, id desc);
create index charge_person_idx on charge (person_id, created_at desc, id desc);
create index charge_device_idx on charge (device_id, created_at desc, id desc);

create table charge_payment (
    id          uuid primary key,
    charge_id   uuid           not null references charge (id),
    amount      numeric(10, 2) not null check (amount > 0 and amount <= 100000.00),
    paid_on     date           not null,
    reference   text check (reference is null or length(reference) between 1 and 60),
    note        text check (note is null or length(note) between 1 and 500),
    recorded_by text           not null,
    recorded_at timestamptz    not null
);
create index charge_payment_charge_idx on charge_payment (charge_id, recorded_at);
-- A receipt or cheque number is recorded once per charge: the same payment sent twice is refused.
create unique index charge_payment_reference_key on charge_payment (charge_id, reference) where reference is not null;

create table charge_waiver (
    id          uuid primary key,
    charge_id   uuid           not null references charge (id),
    amount      numeric(10, 2) not null check (amount > 0 and amount <= 100000.00),
    reason      text           not null check (length(reason) between 1 and 500),
    recorded_by text           not null,
    recorded_at timestamptz    not null
);
create index charge_waiver_charge_idx on charge_waiver (charge_id, recorded_at);
