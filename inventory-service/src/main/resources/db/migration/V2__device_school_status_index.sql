-- IT's everyday list, "devices of this status at this school, by asset tag", read straight from one index. With only
-- (school, asset_tag), a school with no device in the asked status made the database walk every device of the school
-- (about 17,000 heap rows at 1,000,000 devices) to return an empty page.
create index device_school_status_tag_idx on device (school, status, asset_tag);
