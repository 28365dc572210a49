-- slo check slo-specs/homehub-unlock.yaml --at 2026-03-01T00:00:00Z
-- exit 1

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT result = ''success'''), (1, 'SELECT result = ''success'''), (2, 'SELECT result = ''success'''), (3, 'SELECT result = ''success''')) q(i, sql))) ORDER BY i;

SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, Comment, DateFormat, TimestampFormat, to_json(Columns)::VARCHAR FROM sniff_csv('$ROOT/examples/homehub/unlock_attempts.csv', auto_detect = true, header = true, delim = ',', ignore_errors = true);

SELECT count(*) FILTER (WHERE contains(line, '"')), count(*) FILTER (WHERE (strlen(line) - strlen(replace(line, '"', ''))) % 2 = 1) FROM (SELECT line FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], columns = {'line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, auto_detect = false) LIMIT 20000);

SELECT count(*), count("user_id"), count(TRY_CAST("user_id" AS BIGINT)), count(TRY_CAST("user_id" AS DOUBLE)), count(TRY_CAST("user_id" AS BOOLEAN)), count("customer_id"), count(TRY_CAST("customer_id" AS BIGINT)), count(TRY_CAST("customer_id" AS DOUBLE)), count(TRY_CAST("customer_id" AS BOOLEAN)), count("lock_model"), count(TRY_CAST("lock_model" AS BIGINT)), count(TRY_CAST("lock_model" AS DOUBLE)), count(TRY_CAST("lock_model" AS BOOLEAN)), count("app_version"), count(TRY_CAST("app_version" AS BIGINT)), count(TRY_CAST("app_version" AS DOUBLE)), count(TRY_CAST("app_version" AS BOOLEAN)), count("platform"), count(TRY_CAST("platform" AS BIGINT)), count(TRY_CAST("platform" AS DOUBLE)), count(TRY_CAST("platform" AS BOOLEAN)), count("result"), count(TRY_CAST("result" AS BIGINT)), count(TRY_CAST("result" AS DOUBLE)), count(TRY_CAST("result" AS BOOLEAN)), count("latency_ms"), count(TRY_CAST("latency_ms" AS BIGINT)), count(TRY_CAST("latency_ms" AS DOUBLE)), count(TRY_CAST("latency_ms" AS BOOLEAN)) FROM (SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'VARCHAR', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'VARCHAR'}, ignore_errors = true, null_padding = true, parallel = false) LIMIT 20000);

DESCRIBE SELECT * FROM (SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'BIGINT'}, store_rejects = true, rejects_table = 'slo_rejects_1', rejects_scan = 'slo_reject_scans_1'));

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'BIGINT'}, store_rejects = true, rejects_table = 'slo_rejects_1', rejects_scan = 'slo_reject_scans_1');

SET allowed_paths = ['$ROOT/examples/homehub/unlock_attempts.csv', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT ((result = 'success')) AS c0, ((result = 'success')) AS c1, ((result = 'success')) AS c2, ((result = 'success')) AS c3 FROM "src_1";

SELECT count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

SELECT coalesce(max(scan_id), -1) FROM "slo_reject_scans_1";

CREATE OR REPLACE TEMP TABLE "scan_1" AS
SELECT GROUPING("app_version", "customer_id", "lock_model") AS gid, CAST("app_version" AS VARCHAR) AS k0, CAST("customer_id" AS VARCHAR) AS k1, CAST("lock_model" AS VARCHAR) AS k2, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, coalesce(sum(n0), 0)::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, coalesce(sum(n1), 0)::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, coalesce(sum(n2), 0)::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, coalesce(sum(n3), 0)::BIGINT AS n3, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(x0_0), 0)::BIGINT AS x0_0, coalesce(sum(ag1), 0)::BIGINT AS ag1, coalesce(sum(av1), 0)::BIGINT AS av1
FROM (SELECT "app_version", "customer_id", "lock_model", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772064000000000 THEN 0 WHEN __t < 1772081280000000 THEN 1 WHEN __t < 1772236800000000 THEN 2 WHEN __t < 1772242560000000 THEN 3 WHEN __t < 1772262720000000 THEN 4 WHEN __t < 1772301600000000 THEN 5 WHEN __t < 1772303040000000 THEN 6 WHEN __t < 1772316000000000 THEN 7 WHEN __t < 1772316480000000 THEN 8 WHEN __t < 1772318160000000 THEN 9 WHEN __t < 1772319600000000 THEN 10 WHEN __t < 1772319840000000 THEN 11 WHEN __t < 1772321400000000 THEN 12 WHEN __t < 1772321520000000 THEN 13 WHEN __t < 1772322360000000 THEN 14 WHEN __t < 1772322780000000 THEN 15 WHEN __t < 1772322900000000 THEN 16 WHEN __t < 1772323140000000 THEN 17 ELSE 18 END AS __a, 
    (__w0 AND NOT __x0 AND __e0) AS g0,
    (__w0 AND NOT __x0 AND __e0 IS NOT NULL) AS t0,
    (__w0 AND NOT __x0 AND __e0 IS NULL) AS n0,
    (__w1 AND __e0) AS g1,
    (__w1 AND __e0 IS NOT NULL) AS t1,
    (__w1 AND __e0 IS NULL) AS n1,
    (__w2 AND __e0) AS g2,
    (__w2 AND __e0 IS NOT NULL) AS t2,
    (__w2 AND __e0 IS NULL) AS n2,
    (__w3 AND __e0 AND __e1) AS g3,
    (__w3 AND __e0 AND __e1 IS NOT NULL) AS t3,
    (__w3 AND (__e0 IS NULL OR (__e0 AND __e1 IS NULL))) AS n3,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time,
    (__w0 AND __x0 AND __e0 IS NOT NULL) AS x0_0,
    (__e0) AS ag1,
    (__e0 IS NOT NULL) AS av1
  FROM (SELECT *, ((__t >= 1770055200000000 AND __t < 1770058800000000)) AS __x0, ((result = 'success')) AS __e0, ("latency_ms" <= 2500) AS __e1, __t >= 1769904000000000 AS __w0, __t >= 1772290800000000 AS __w1, __t >= 1771718400000000 AS __w2, __t >= 1771772400000000 AS __w3
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, TRUE AS __keep FROM "src_1" WHERE (("ts" >= TIMESTAMPTZ '2026-02-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769904000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("customer_id", __a), ("app_version", "lock_model", __a));

INSERT INTO "scan_1" SELECT 7, NULL, NULL, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(x0_0), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_1" WHERE gid = 5 GROUP BY __a;

SELECT gid, k0, k1, k2, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(x0_0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, k1, k2, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "slo_rejects_1" WHERE scan_id > -1);

SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY e.column_idx) FROM "slo_rejects_1" e JOIN "slo_reject_scans_1" s USING (scan_id, file_id) WHERE e.scan_id > -1 GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10;

