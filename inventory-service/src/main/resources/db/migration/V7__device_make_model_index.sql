-- The device list sorted by its "Device" column (make, then model), page after page: a keyset walk of this index, as
-- the status, type and school orders walk theirs (each ends in the asset tag, which breaks ties).
create index device_make_model_tag_idx on device (make, model, asset_tag);
