-- A device's reports, newest first (the console's device page asks for a device's open report; IT for its past ones).
create index loss_report_device_idx on loss_report (device_id, reported_at desc, id desc);
