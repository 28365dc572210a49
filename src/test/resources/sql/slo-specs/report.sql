-- slo report slo-specs --at 2026-03-01T00:00:00Z
-- exit 0

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT customer_id <> ''t-internal-test'''), (1, 'SELECT status < 500'), (2, 'SELECT endpoint <> ''/healthz'''), (3, 'SELECT status < 500'), (4, 'SELECT endpoint <> ''/healthz'''), (5, 'SELECT method = ''GET'' AND endpoint <> ''/healthz'' AND status < 500'), (6, 'SELECT endpoint IN (''/unlock'', ''/lock'') AND status < 500'), (7, 'SELECT endpoint = ''/events'' AND status < 500'), (8, 'SELECT recognized'), (9, 'SELECT recognized'), (10, 'SELECT recognized'), (11, 'SELECT result = ''success'''), (12, 'SELECT result = ''success'''), (13, 'SELECT result = ''success'''), (14, 'SELECT result = ''success'''), (15, 'SELECT customer_id <> ''t-internal-test'''), (16, 'SELECT status < 500'), (17, 'SELECT endpoint IN (''/unlock'', ''/lock'')'), (18, 'SELECT endpoint IN (''/unlock'', ''/lock'') AND status < 500'), (19, 'SELECT status < 500'), (20, 'SELECT endpoint = ''/auth/token''')) q(i, sql))) ORDER BY i;

SELECT file FROM glob('$ROOT/examples/homehub/api/api-*.parquet');

SELECT file_name, name, type, converted_type, logical_type::VARCHAR FROM parquet_schema(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) WHERE type IS NOT NULL;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_2" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

SELECT quantile_disc(v, 0.5) FROM (SELECT TRY_CAST("event_ms" AS DOUBLE) AS v FROM "src_2" LIMIT 100000) WHERE isfinite(v);

SELECT Delimiter, Quote, Escape, HasHeader, SkipRows, Comment, DateFormat, TimestampFormat, to_json(Columns)::VARCHAR FROM sniff_csv('$ROOT/examples/homehub/unlock_attempts.csv', auto_detect = true, header = true, delim = ',', ignore_errors = true);

SELECT count(*) FILTER (WHERE contains(line, '"')), count(*) FILTER (WHERE (strlen(line) - strlen(replace(line, '"', ''))) % 2 = 1) FROM (SELECT line FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], columns = {'line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, auto_detect = false) LIMIT 20000);

SELECT count(*), count("user_id"), count(TRY_CAST("user_id" AS BIGINT)), count(TRY_CAST("user_id" AS DOUBLE)), count(TRY_CAST("user_id" AS BOOLEAN)), count("customer_id"), count(TRY_CAST("customer_id" AS BIGINT)), count(TRY_CAST("customer_id" AS DOUBLE)), count(TRY_CAST("customer_id" AS BOOLEAN)), count("lock_model"), count(TRY_CAST("lock_model" AS BIGINT)), count(TRY_CAST("lock_model" AS DOUBLE)), count(TRY_CAST("lock_model" AS BOOLEAN)), count("app_version"), count(TRY_CAST("app_version" AS BIGINT)), count(TRY_CAST("app_version" AS DOUBLE)), count(TRY_CAST("app_version" AS BOOLEAN)), count("platform"), count(TRY_CAST("platform" AS BIGINT)), count(TRY_CAST("platform" AS DOUBLE)), count(TRY_CAST("platform" AS BOOLEAN)), count("result"), count(TRY_CAST("result" AS BIGINT)), count(TRY_CAST("result" AS DOUBLE)), count(TRY_CAST("result" AS BOOLEAN)), count("latency_ms"), count(TRY_CAST("latency_ms" AS BIGINT)), count(TRY_CAST("latency_ms" AS DOUBLE)), count(TRY_CAST("latency_ms" AS BOOLEAN)) FROM (SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'VARCHAR', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'VARCHAR'}, ignore_errors = true, null_padding = true, parallel = false) LIMIT 20000);

DESCRIBE SELECT * FROM (SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'BIGINT'}, store_rejects = true, rejects_table = 'slo_rejects_3', rejects_scan = 'slo_reject_scans_3'));

CREATE TEMP VIEW "src_3" AS SELECT * FROM read_csv(['$ROOT/examples/homehub/unlock_attempts.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = true, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'BIGINT'}, store_rejects = true, rejects_table = 'slo_rejects_3', rejects_scan = 'slo_reject_scans_3');

SELECT file FROM glob('$ROOT/examples/homehub/api/api-*.parquet');

SELECT file_name, name, type, converted_type, logical_type::VARCHAR FROM parquet_schema(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) WHERE type IS NOT NULL;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_4" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

SET allowed_paths = ['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet', '$ROOT/examples/homehub/face_unlocks.parquet', '$ROOT/examples/homehub/unlock_attempts.csv', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT ((customer_id != 't-internal-test')) AS c0, ((status < 500)) AS c1, ((endpoint != '/healthz')) AS c2, ((status < 500)) AS c3, ((endpoint != '/healthz')) AS c4, ((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) AS c5, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS c6, (((endpoint = '/events') AND (status < 500))) AS c7 FROM "src_1";

SELECT count_if(((customer_id != 't-internal-test')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint != '/healthz')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint != '/healthz')) IS TRUE), count_if(((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) IS TRUE), count_if((((endpoint IN ('/unlock', '/lock')) AND (status < 500))) IS TRUE), count_if((((endpoint = '/events') AND (status < 500))) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

DESCRIBE SELECT (recognized) AS c0, (recognized) AS c1, (recognized) AS c2 FROM "src_2";

SELECT count_if((recognized) IS TRUE), count_if((recognized) IS TRUE), count_if((recognized) IS TRUE) FROM (SELECT * FROM "src_2" LIMIT 500);

DESCRIBE SELECT ((result = 'success')) AS c0, ((result = 'success')) AS c1, ((result = 'success')) AS c2, ((result = 'success')) AS c3 FROM "src_3";

SELECT count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE), count_if(((result = 'success')) IS TRUE) FROM (SELECT * FROM "src_3" LIMIT 500);

DESCRIBE SELECT ((customer_id != 't-internal-test')) AS c0, ((status < 500)) AS c1, ((endpoint IN ('/unlock', '/lock'))) AS c2, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS c3, ((status < 500)) AS c4, ((endpoint = '/auth/token')) AS c5 FROM "src_4";

SELECT count_if(((customer_id != 't-internal-test')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint IN ('/unlock', '/lock'))) IS TRUE), count_if((((endpoint IN ('/unlock', '/lock')) AND (status < 500))) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint = '/auth/token')) IS TRUE) FROM (SELECT * FROM "src_4" LIMIT 500);

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 2 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_1" AS
SELECT GROUPING("customer_id") AS gid, CAST("customer_id" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, 0::BIGINT AS n3, coalesce(sum(g4), 0)::BIGINT AS g4, coalesce(sum(t4), 0)::BIGINT AS t4, 0::BIGINT AS n4, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(ag1), 0)::BIGINT AS ag1, coalesce(sum(av1), 0)::BIGINT AS av1
FROM (SELECT "customer_id", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772064000000000 THEN 0 WHEN __t < 1772081280000000 THEN 1 WHEN __t < 1772236800000000 THEN 2 WHEN __t < 1772242560000000 THEN 3 WHEN __t < 1772262720000000 THEN 4 WHEN __t < 1772301600000000 THEN 5 WHEN __t < 1772303040000000 THEN 6 WHEN __t < 1772310240000000 THEN 7 WHEN __t < 1772316000000000 THEN 8 WHEN __t < 1772316480000000 THEN 9 WHEN __t < 1772318160000000 THEN 10 WHEN __t < 1772318880000000 THEN 11 WHEN __t < 1772319600000000 THEN 12 WHEN __t < 1772319840000000 THEN 13 WHEN __t < 1772321400000000 THEN 14 WHEN __t < 1772321520000000 THEN 15 WHEN __t < 1772322120000000 THEN 16 WHEN __t < 1772322360000000 THEN 17 WHEN __t < 1772322780000000 THEN 18 WHEN __t < 1772322840000000 THEN 19 WHEN __t < 1772322900000000 THEN 20 WHEN __t < 1772323020000000 THEN 21 WHEN __t < 1772323080000000 THEN 22 WHEN __t < 1772323140000000 THEN 23 ELSE 24 END AS __a, 
    (__keep AND __w0 AND __e0 AND __e1) AS g0,
    (__keep AND __w0 AND __e0 AND __e1 IS NOT NULL) AS t0,
    (__keep AND __w1 AND __e0 AND __e1) AS g1,
    (__keep AND __w1 AND __e0 AND __e1 IS NOT NULL) AS t1,
    (__keep AND __w0 AND __e2 AND __e3) AS g2,
    (__keep AND __w0 AND __e2 AND __e3 IS NOT NULL) AS t2,
    (__keep AND __w2 AND __e4 AND __e5) AS g3,
    (__keep AND __w2 AND __e4 AND __e5 IS NOT NULL) AS t3,
    (__keep AND __w3 AND __e6 AND __e7) AS g4,
    (__keep AND __w3 AND __e6 AND __e7 IS NOT NULL) AS t4,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NOT NULL AND NOT __keep) AS excluded,
    (__t IS NULL) AS null_time,
    (__keep AND __e0 AND __e1) AS ag1,
    (__keep AND __e0 AND __e1 IS NOT NULL) AS av1
  FROM (SELECT *, ((endpoint != '/healthz')) AS __e0, ((status < 500)) AS __e1, ((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) AS __e2, ("latency_ms" <= 500) AS __e3, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e4, ("latency_ms" <= 2000) AS __e5, (((endpoint = '/events') AND (status < 500))) AS __e6, ("latency_ms" <= 1000) AS __e7, __t >= 1769904000000000 AS __w0, __t >= 1772290800000000 AS __w1, __t >= 1771772400000000 AS __w2, __t >= 1772193600000000 AS __w3
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_1" WHERE (("ts" >= TIMESTAMPTZ '2026-02-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769904000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("customer_id", __a));

INSERT INTO "scan_1" SELECT 1, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(g4), 0)::BIGINT, coalesce(sum(t4), 0)::BIGINT, coalesce(sum(n4), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_1" WHERE gid = 0 GROUP BY __a;

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT, sum(n4)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/face_unlocks.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 1 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_2" AS
SELECT GROUPING("firmware") AS gid, CAST("firmware" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(ag1), 0)::BIGINT AS ag1, coalesce(sum(av1), 0)::BIGINT AS av1
FROM (SELECT "firmware", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1771545600000000 THEN 0 WHEN __t < 1772064000000000 THEN 1 WHEN __t < 1772081280000000 THEN 2 WHEN __t < 1772236800000000 THEN 3 WHEN __t < 1772242560000000 THEN 4 WHEN __t < 1772258400000000 THEN 5 WHEN __t < 1772301600000000 THEN 6 WHEN __t < 1772303040000000 THEN 7 WHEN __t < 1772312400000000 THEN 8 WHEN __t < 1772316000000000 THEN 9 WHEN __t < 1772316480000000 THEN 10 WHEN __t < 1772317800000000 THEN 11 WHEN __t < 1772319600000000 THEN 12 WHEN __t < 1772319840000000 THEN 13 WHEN __t < 1772321400000000 THEN 14 WHEN __t < 1772321520000000 THEN 15 WHEN __t < 1772322300000000 THEN 16 WHEN __t < 1772322900000000 THEN 17 ELSE 18 END AS __a, 
    (__w0 AND __e0) AS g0,
    (__w0 AND __e0 IS NOT NULL) AS t0,
    (__w1 AND __e0 AND __e1) AS g1,
    (__w1 AND __e0 AND __e1 IS NOT NULL) AS t1,
    (__w2 AND __e0 AND __e1) AS g2,
    (__w2 AND __e0 AND __e1 IS NOT NULL) AS t2,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time,
    (__e0 AND __e1) AS ag1,
    (__e0 AND __e1 IS NOT NULL) AS av1
  FROM (SELECT *, (recognized) AS __e0, ("match_ms" <= 400) AS __e1, __t >= 1767193200000000 AS __w0, __t >= 1772290800000000 AS __w1, __t >= 1769904000000000 AS __w2
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_2" WHERE (("event_ms" >= 1767193199999 AND "event_ms" < 1772323200001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1767193200000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("firmware", __a));

INSERT INTO "scan_2" SELECT 1, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_2" WHERE gid = 0 GROUP BY __a;

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_2" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT FROM "scan_2" GROUP BY ALL;

SELECT coalesce(max(scan_id), -1) FROM "slo_reject_scans_3";

CREATE OR REPLACE TEMP TABLE "scan_3" AS
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
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, TRUE AS __keep FROM "src_3" WHERE (("ts" >= TIMESTAMPTZ '2026-02-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769904000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("customer_id", __a), ("app_version", "lock_model", __a));

INSERT INTO "scan_3" SELECT 7, NULL, NULL, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(x0_0), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_3" WHERE gid = 5 GROUP BY __a;

SELECT gid, k0, k1, k2, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(x0_0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_3" GROUP BY ALL;

SELECT gid, k0, k1, k2, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT FROM "scan_3" GROUP BY ALL;

SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "slo_rejects_3" WHERE scan_id > -1);

SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY e.column_idx) FROM "slo_rejects_3" e JOIN "slo_reject_scans_3" s USING (scan_id, file_id) WHERE e.scan_id > -1 GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10;

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 2 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_4" AS
SELECT GROUPING("__s1440", "__s5") AS gid, CAST("__s1440" AS VARCHAR) AS k0, CAST("__s5" AS VARCHAR) AS k1, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, 0::BIGINT AS n3, coalesce(sum(g4), 0)::BIGINT AS g4, coalesce(sum(t4), 0)::BIGINT AS t4, 0::BIGINT AS n4, coalesce(sum(g5), 0)::BIGINT AS g5, coalesce(sum(t5), 0)::BIGINT AS t5, 0::BIGINT AS n5, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(ag1), 0)::BIGINT AS ag1, coalesce(sum(av1), 0)::BIGINT AS av1
FROM (SELECT (((__t + 62135629200000000) // 86400000000) * 2) AS "__s1440", (((__t + 62135629200000000) // 86400000000) * 576 + ((__t + 62135629200000000) - ((__t + 62135629200000000) // 86400000000) * 86400000000) // 300000000) AS "__s5", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772064000000000 THEN 0 WHEN __t < 1772081280000000 THEN 1 WHEN __t < 1772236800000000 THEN 2 WHEN __t < 1772242560000000 THEN 3 WHEN __t < 1772301600000000 THEN 4 WHEN __t < 1772303040000000 THEN 5 WHEN __t < 1772316000000000 THEN 6 WHEN __t < 1772316480000000 THEN 7 WHEN __t < 1772319600000000 THEN 8 WHEN __t < 1772319840000000 THEN 9 WHEN __t < 1772321400000000 THEN 10 WHEN __t < 1772321520000000 THEN 11 WHEN __t < 1772322900000000 THEN 12 ELSE 13 END AS __a, 
    (__keep AND __w0 AND __e0 AND __e1) AS g0,
    (__keep AND __w0 AND __e0 AND __e1 IS NOT NULL) AS t0,
    (__keep AND __w1 AND __e2 AND __e3) AS g1,
    (__keep AND __w1 AND __e2 AND __e3 IS NOT NULL) AS t1,
    (__keep AND __w0 AND __e4 AND __e1) AS g2,
    (__keep AND __w0 AND __e4 AND __e1 IS NOT NULL) AS t2,
    (__keep AND __w0 AND __e0 AND __e1) AS g3,
    (__keep AND __w0 AND __e0 AND __e1 IS NOT NULL) AS t3,
    (__keep AND __w0 AND __e2 AND __e3) AS g4,
    (__keep AND __w0 AND __e2 AND __e3 IS NOT NULL) AS t4,
    (__keep AND __w0 AND __e4 AND __e1) AS g5,
    (__keep AND __w0 AND __e4 AND __e1 IS NOT NULL) AS t5,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NOT NULL AND NOT __keep) AS excluded,
    (__t IS NULL) AS null_time,
    (__keep AND __e2 AND __e3) AS ag1,
    (__keep AND __e2 AND __e3 IS NOT NULL) AS av1
  FROM (SELECT *, ((endpoint IN ('/unlock', '/lock'))) AS __e0, ((status < 500)) AS __e1, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e2, ("latency_ms" <= 1500) AS __e3, ((endpoint = '/auth/token')) AS __e4, __t >= 1769904000000000 AS __w0, __t >= 1772290800000000 AS __w1
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_4" WHERE (("ts" >= TIMESTAMPTZ '2026-02-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769904000000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("__s5", __a), ("__s1440", __a));

INSERT INTO "scan_4" SELECT 3, NULL, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(g4), 0)::BIGINT, coalesce(sum(t4), 0)::BIGINT, coalesce(sum(n4), 0)::BIGINT, coalesce(sum(g5), 0)::BIGINT, coalesce(sum(t5), 0)::BIGINT, coalesce(sum(n5), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_4" WHERE gid = 2 GROUP BY __a;

SELECT gid, k0, k1, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT, sum(n4)::BIGINT, sum(g5)::BIGINT, sum(t5)::BIGINT, sum(n5)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_4" WHERE gid IN (3) GROUP BY ALL;

SELECT gid, k0, k1, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT FROM "scan_4" WHERE gid IN (3) GROUP BY ALL;

SELECT k1, __a, g0, t0, g0, t0 FROM "scan_4" WHERE gid = 2 AND (t0 > 0 OR t0 > 0);

SELECT k0, __a, g1, t1, ag1, av1 FROM "scan_4" WHERE gid = 1 AND (t1 > 0 OR av1 > 0);

SELECT k1, 0, g3, t3, g3, t3 FROM "scan_4" WHERE gid = 2 AND (t3 > 0 OR t3 > 0);

SELECT k0, 0, g4, t4, g4, t4 FROM "scan_4" WHERE gid = 1 AND (t4 > 0 OR t4 > 0);

CREATE OR REPLACE TEMP TABLE "scan_5" AS
SELECT GROUPING("app_version", "customer_id", "endpoint") AS gid, CAST("app_version" AS VARCHAR) AS k0, CAST("customer_id" AS VARCHAR) AS k1, CAST("endpoint" AS VARCHAR) AS k2, __b, __seg, coalesce(sum(a0), 0)::BIGINT AS a0, coalesce(sum(b0), 0)::BIGINT AS b0, 0::BIGINT AS m0, coalesce(sum(a1), 0)::BIGINT AS a1, coalesce(sum(b1), 0)::BIGINT AS b1, 0::BIGINT AS m1, coalesce(sum(a2), 0)::BIGINT AS a2, coalesce(sum(b2), 0)::BIGINT AS b2, 0::BIGINT AS m2, coalesce(sum(a3), 0)::BIGINT AS a3, coalesce(sum(b3), 0)::BIGINT AS b3, 0::BIGINT AS m3, coalesce(sum(a4), 0)::BIGINT AS a4, coalesce(sum(b4), 0)::BIGINT AS b4, 0::BIGINT AS m4, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "app_version", "customer_id", "endpoint", __t // 3600000000 AS __b, (__t >= 1769904000000000)::INTEGER + (__t >= 1771718400000000)::INTEGER + (__t >= 1771772400000000)::INTEGER + (__t >= 1772193600000000)::INTEGER + (__t >= 1772290800000000)::INTEGER AS __seg, 
    (__keep AND __e0 AND __e1) AS a0,
    (__keep AND __e0 AND __e1 IS NOT NULL) AS b0,
    (__keep AND __e0 AND __e1) AS a1,
    (__keep AND __e0 AND __e1 IS NOT NULL) AS b1,
    (__keep AND __e2 AND __e3) AS a2,
    (__keep AND __e2 AND __e3 IS NOT NULL) AS b2,
    (__keep AND __e4 AND __e5) AS a3,
    (__keep AND __e4 AND __e5 IS NOT NULL) AS b3,
    (__keep AND __e6 AND __e7) AS a4,
    (__keep AND __e6 AND __e7 IS NOT NULL) AS b4,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NOT NULL AND NOT __keep) AS excluded,
    (__t IS NULL) AS null_time
  FROM (SELECT *, ((endpoint != '/healthz')) AS __e0, ((status < 500)) AS __e1, ((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) AS __e2, ("latency_ms" <= 500) AS __e3, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e4, ("latency_ms" <= 2000) AS __e5, (((endpoint = '/events') AND (status < 500))) AS __e6, ("latency_ms" <= 1000) AS __e7
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_1" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 15:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769871600000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS ((__b, __seg), ("customer_id", __seg), ("endpoint", __seg), ("app_version", __seg));

SELECT gid, k0, k1, k2, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(m3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(m4) FILTER (WHERE __seg >= 4), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_5" WHERE gid IN (7, 5) GROUP BY ALL;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a3), 0)::BIGINT, coalesce(sum(b3), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a4), 0)::BIGINT, coalesce(sum(b4), 0)::BIGINT FROM "scan_5" s JOIN (VALUES (0, 491631, 491655), (1, 491655, 491679), (2, 491679, 491703), (3, 491703, 491727), (4, 491727, 491751), (5, 491751, 491775), (6, 491775, 491799), (7, 491799, 491823), (8, 491823, 491847), (9, 491847, 491871), (10, 491871, 491895), (11, 491895, 491919), (12, 491919, 491943), (13, 491943, 491967), (14, 491967, 491991), (15, 491991, 492015), (16, 492015, 492039), (17, 492039, 492063), (18, 492063, 492087), (19, 492087, 492111), (20, 492111, 492135), (21, 492135, 492159), (22, 492159, 492183), (23, 492183, 492207), (24, 492207, 492231), (25, 492231, 492255), (26, 492255, 492279), (27, 492279, 492303), (28, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 7 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 2), 0)::BIGINT FROM "scan_5" WHERE gid = 7;

WITH v AS (SELECT k2 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_5" WHERE gid = 6 GROUP BY k2 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k0 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_5" WHERE gid = 3 GROUP BY k0 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

CREATE OR REPLACE TEMP TABLE "scan_6" AS
SELECT GROUPING("firmware", "lock_model") AS gid, CAST("firmware" AS VARCHAR) AS k0, CAST("lock_model" AS VARCHAR) AS k1, __b, __seg, coalesce(sum(a0), 0)::BIGINT AS a0, coalesce(sum(b0), 0)::BIGINT AS b0, 0::BIGINT AS m0, coalesce(sum(a1), 0)::BIGINT AS a1, coalesce(sum(b1), 0)::BIGINT AS b1, 0::BIGINT AS m1, coalesce(sum(a2), 0)::BIGINT AS a2, coalesce(sum(b2), 0)::BIGINT AS b2, 0::BIGINT AS m2, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "firmware", "lock_model", __t // 3600000000 AS __b, (__t >= 1767193200000000)::INTEGER + (__t >= 1769904000000000)::INTEGER + (__t >= 1771718400000000)::INTEGER + (__t >= 1772290800000000)::INTEGER AS __seg, 
    (__e0) AS a0,
    (__e0 IS NOT NULL) AS b0,
    (__e0 AND __e1) AS a1,
    (__e0 AND __e1 IS NOT NULL) AS b1,
    (__e0 AND __e1) AS a2,
    (__e0 AND __e1 IS NOT NULL) AS b2,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time
  FROM (SELECT *, (recognized) AS __e0, ("match_ms" <= 400) AS __e1
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_2" WHERE (("event_ms" >= 1767193199999 AND "event_ms" < 1772323200001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1767193200000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS ((__b, __seg), ("firmware", __seg), ("lock_model", __seg));

SELECT gid, k0, k1, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 2), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_6" WHERE gid IN (3, 1) GROUP BY ALL;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT FROM "scan_6" s JOIN (VALUES (0, 490887, 490911), (1, 490911, 490935), (2, 490935, 490959), (3, 490959, 490983), (4, 490983, 491007), (5, 491007, 491031), (6, 491031, 491055), (7, 491055, 491079), (8, 491079, 491103), (9, 491103, 491127), (10, 491127, 491151), (11, 491151, 491175), (12, 491175, 491199), (13, 491199, 491223), (14, 491223, 491247), (15, 491247, 491271), (16, 491271, 491295), (17, 491295, 491319), (18, 491319, 491343), (19, 491343, 491367), (20, 491367, 491391), (21, 491391, 491415), (22, 491415, 491439), (23, 491439, 491463), (24, 491463, 491487), (25, 491487, 491511), (26, 491511, 491535), (27, 491535, 491559), (28, 491559, 491583), (29, 491583, 491607), (30, 491607, 491631), (31, 491631, 491655), (32, 491655, 491679), (33, 491679, 491703), (34, 491703, 491727), (35, 491727, 491751), (36, 491751, 491775), (37, 491775, 491799), (38, 491799, 491823), (39, 491823, 491847), (40, 491847, 491871), (41, 491871, 491895), (42, 491895, 491919), (43, 491919, 491943), (44, 491943, 491967), (45, 491967, 491991), (46, 491991, 492015), (47, 492015, 492039), (48, 492039, 492063), (49, 492063, 492087), (50, 492087, 492111), (51, 492111, 492135), (52, 492135, 492159), (53, 492159, 492183), (54, 492183, 492207), (55, 492207, 492231), (56, 492231, 492255), (57, 492255, 492279), (58, 492279, 492303), (59, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 3 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 3), 0)::BIGINT FROM "scan_6" WHERE gid = 3;

WITH v AS (SELECT k0 AS v, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS good, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS total FROM "scan_6" WHERE gid = 1 GROUP BY k0 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k1 AS v, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS good, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS total FROM "scan_6" WHERE gid = 2 GROUP BY k1 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

SELECT coalesce(max(scan_id), -1) FROM "slo_reject_scans_3";

CREATE OR REPLACE TEMP TABLE "scan_7" AS
SELECT GROUPING("app_version", "customer_id", "lock_model", "platform") AS gid, CAST("app_version" AS VARCHAR) AS k0, CAST("customer_id" AS VARCHAR) AS k1, CAST("lock_model" AS VARCHAR) AS k2, CAST("platform" AS VARCHAR) AS k3, __b, __seg, coalesce(sum(a0), 0)::BIGINT AS a0, coalesce(sum(b0), 0)::BIGINT AS b0, coalesce(sum(m0), 0)::BIGINT AS m0, coalesce(sum(a1), 0)::BIGINT AS a1, coalesce(sum(b1), 0)::BIGINT AS b1, coalesce(sum(m1), 0)::BIGINT AS m1, coalesce(sum(a2), 0)::BIGINT AS a2, coalesce(sum(b2), 0)::BIGINT AS b2, coalesce(sum(m2), 0)::BIGINT AS m2, coalesce(sum(a3), 0)::BIGINT AS a3, coalesce(sum(b3), 0)::BIGINT AS b3, coalesce(sum(m3), 0)::BIGINT AS m3, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "app_version", "customer_id", "lock_model", "platform", __t // 3600000000 AS __b, (__t >= 1769904000000000)::INTEGER + (__t >= 1771718400000000)::INTEGER + (__t >= 1771772400000000)::INTEGER + (__t >= 1772290800000000)::INTEGER AS __seg, 
    (NOT __x0 AND __e0) AS a0,
    (NOT __x0 AND __e0 IS NOT NULL) AS b0,
    (NOT __x0 AND __e0 IS NULL) AS m0,
    (__e0) AS a1,
    (__e0 IS NOT NULL) AS b1,
    (__e0 IS NULL) AS m1,
    (__e0) AS a2,
    (__e0 IS NOT NULL) AS b2,
    (__e0 IS NULL) AS m2,
    (__e0 AND __e1) AS a3,
    (__e0 AND __e1 IS NOT NULL) AS b3,
    ((__e0 IS NULL OR (__e0 AND __e1 IS NULL))) AS m3,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time
  FROM (SELECT *, ((__t >= 1770055200000000 AND __t < 1770058800000000)) AS __x0, ((result = 'success')) AS __e0, ("latency_ms" <= 2500) AS __e1
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, TRUE AS __keep FROM "src_3" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 15:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769871600000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS ((__b, __seg), ("customer_id", __seg), ("app_version", "lock_model", __seg), ("app_version", __seg), ("lock_model", __seg), ("platform", __seg));

SELECT gid, k0, k1, k2, k3, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(m3) FILTER (WHERE __seg >= 3), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_7" WHERE gid IN (15, 11, 5) GROUP BY ALL;

SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "slo_rejects_3" WHERE scan_id > 48);

SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY e.column_idx) FROM "slo_rejects_3" e JOIN "slo_reject_scans_3" s USING (scan_id, file_id) WHERE e.scan_id > 48 GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a3), 0)::BIGINT, coalesce(sum(b3), 0)::BIGINT FROM "scan_7" s JOIN (VALUES (0, 491631, 491655), (1, 491655, 491679), (2, 491679, 491703), (3, 491703, 491727), (4, 491727, 491751), (5, 491751, 491775), (6, 491775, 491799), (7, 491799, 491823), (8, 491823, 491847), (9, 491847, 491871), (10, 491871, 491895), (11, 491895, 491919), (12, 491919, 491943), (13, 491943, 491967), (14, 491967, 491991), (15, 491991, 492015), (16, 492015, 492039), (17, 492039, 492063), (18, 492063, 492087), (19, 492087, 492111), (20, 492111, 492135), (21, 492135, 492159), (22, 492159, 492183), (23, 492183, 492207), (24, 492207, 492231), (25, 492231, 492255), (26, 492255, 492279), (27, 492279, 492303), (28, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 15 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 2), 0)::BIGINT FROM "scan_7" WHERE gid = 15;

WITH v AS (SELECT k0 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_7" WHERE gid = 7 GROUP BY k0 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k2 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_7" WHERE gid = 13 GROUP BY k2 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k3 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_7" WHERE gid = 14 GROUP BY k3 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

CREATE OR REPLACE TEMP TABLE "scan_8" AS
SELECT 0 AS gid, __b, __seg, coalesce(sum(a0), 0)::BIGINT AS a0, coalesce(sum(b0), 0)::BIGINT AS b0, 0::BIGINT AS m0, coalesce(sum(a1), 0)::BIGINT AS a1, coalesce(sum(b1), 0)::BIGINT AS b1, 0::BIGINT AS m1, coalesce(sum(a2), 0)::BIGINT AS a2, coalesce(sum(b2), 0)::BIGINT AS b2, 0::BIGINT AS m2, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT __t // 3600000000 AS __b, (__t >= 1769904000000000)::INTEGER + (__t >= 1771718400000000)::INTEGER + (__t >= 1772290800000000)::INTEGER AS __seg, 
    (__keep AND __e0 AND __e1) AS a0,
    (__keep AND __e0 AND __e1 IS NOT NULL) AS b0,
    (__keep AND __e2 AND __e3) AS a1,
    (__keep AND __e2 AND __e3 IS NOT NULL) AS b1,
    (__keep AND __e4 AND __e1) AS a2,
    (__keep AND __e4 AND __e1 IS NOT NULL) AS b2,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NOT NULL AND NOT __keep) AS excluded,
    (__t IS NULL) AS null_time
  FROM (SELECT *, ((endpoint IN ('/unlock', '/lock'))) AS __e0, ((status < 500)) AS __e1, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e2, ("latency_ms" <= 1500) AS __e3, ((endpoint = '/auth/token')) AS __e4
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_4" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 15:00:00.000000+00' AND "ts" < TIMESTAMPTZ '2026-03-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769871600000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS ((__b, __seg));

SELECT gid, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 1), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_8" WHERE gid IN (0) GROUP BY ALL;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT FROM "scan_8" s JOIN (VALUES (0, 491631, 491655), (1, 491655, 491679), (2, 491679, 491703), (3, 491703, 491727), (4, 491727, 491751), (5, 491751, 491775), (6, 491775, 491799), (7, 491799, 491823), (8, 491823, 491847), (9, 491847, 491871), (10, 491871, 491895), (11, 491895, 491919), (12, 491919, 491943), (13, 491943, 491967), (14, 491967, 491991), (15, 491991, 492015), (16, 492015, 492039), (17, 492039, 492063), (18, 492063, 492087), (19, 492087, 492111), (20, 492111, 492135), (21, 492135, 492159), (22, 492159, 492183), (23, 492183, 492207), (24, 492207, 492231), (25, 492231, 492255), (26, 492255, 492279), (27, 492279, 492303), (28, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 0 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT FROM "scan_8" WHERE gid = 0;

