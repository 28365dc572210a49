-- slo forecast slo-specs/sync-job.yaml
-- exit 1

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT job = ''sync''')) q(i, sql))) ORDER BY i;

SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, Comment, DateFormat, TimestampFormat, to_json(Columns)::VARCHAR FROM sniff_csv('$ROOT/examples/sync-job/sync_pages.csv', auto_detect = true, header = true, ignore_errors = true);

SELECT count(*) FILTER (WHERE contains(line, '"')), count(*) FILTER (WHERE (strlen(line) - strlen(replace(line, '"', ''))) % 2 = 1) FROM (SELECT line FROM read_csv(['$ROOT/examples/sync-job/sync_pages.csv'], columns = {'line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, auto_detect = false) LIMIT 20000);

SELECT count(*), count("job"), count(TRY_CAST("job" AS BIGINT)), count(TRY_CAST("job" AS DOUBLE)), count(TRY_CAST("job" AS BOOLEAN)) FROM (SELECT * FROM read_csv(['$ROOT/examples/sync-job/sync_pages.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'VARCHAR', 'job': 'VARCHAR', 'page': 'VARCHAR', 'records': 'VARCHAR', 'latency_ms': 'VARCHAR'}, ignore_errors = true, null_padding = true, parallel = false) LIMIT 20000);

DESCRIBE SELECT * FROM (SELECT * FROM read_csv(['$ROOT/examples/sync-job/sync_pages.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'job': 'VARCHAR', 'page': 'BIGINT', 'records': 'BIGINT', 'latency_ms': 'DOUBLE'}, store_rejects = true, rejects_table = 'slo_rejects_1', rejects_scan = 'slo_reject_scans_1'));

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_csv(['$ROOT/examples/sync-job/sync_pages.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'job': 'VARCHAR', 'page': 'BIGINT', 'records': 'BIGINT', 'latency_ms': 'DOUBLE'}, store_rejects = true, rejects_table = 'slo_rejects_1', rejects_scan = 'slo_reject_scans_1');

SET allowed_paths = ['$ROOT/examples/sync-job/sync_pages.csv', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT ((job = 'sync')) AS c0 FROM "src_1";

SELECT count_if(((job = 'sync')) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

SELECT count(*), epoch_us(max("ts")) FROM "src_1";

SELECT coalesce(max(scan_id), -1) FROM "slo_reject_scans_1";

SELECT CAST(timezone('Asia/Tokyo', make_timestamp(__t)::TIMESTAMPTZ) AS DATE) AS day, count(*) AS rows_all, count(*) FILTER (WHERE __count) AS events, (sum("records") FILTER (WHERE __count))::DOUBLE AS volume, count("records") FILTER (WHERE __count) AS volume_values, quantile_cont(("latency_ms" * 1)::DOUBLE, 0.95) FILTER (WHERE __count) AS latency_ms, count("latency_ms") FILTER (WHERE __count) AS latency_values, count(*) FILTER (WHERE NOT __keep) AS excluded
FROM (SELECT *, __keep AND coalesce(((job = 'sync')), FALSE) AS __count FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' AND (("latency_ms" IS NULL OR isfinite("latency_ms"))) THEN epoch_us("ts") END) AS __t, TRUE AS __keep FROM "src_1"))
WHERE __t IS NULL OR __t < 1767193200000000
GROUP BY ALL ORDER BY day NULLS FIRST;

SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "slo_rejects_1" WHERE scan_id > -1);

