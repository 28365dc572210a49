-- slo check slo-specs
-- exit 1

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

SELECT max(__t) FROM (SELECT (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t FROM read_csv(['$TMP/latest-sample-3-1.csv'], auto_detect = false, delim = ',', quote = '', escape = '', header = false, skip = 0, hive_partitioning = false, columns = {'ts': 'TIMESTAMPTZ', 'user_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'lock_model': 'VARCHAR', 'app_version': 'VARCHAR', 'platform': 'VARCHAR', 'result': 'VARCHAR', 'latency_ms': 'BIGINT'}, ignore_errors = true));

SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']);

SELECT sum(c)::BIGINT, max(m)::BIGINT FROM (SELECT count(*) AS c, epoch_us(max("ts")) AS m FROM (SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet'], union_by_name = true, hive_partitioning = false)) UNION ALL SELECT count(*) AS c, epoch_us(max("ts")) AS m FROM (SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false)));

SELECT count(*), max((CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END)) FROM "src_2";

SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']);

SELECT sum(c)::BIGINT, max(m)::BIGINT FROM (SELECT count(*) AS c, epoch_us(max("ts")) AS m FROM (SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet'], union_by_name = true, hive_partitioning = false)) UNION ALL SELECT count(*) AS c, epoch_us(max("ts")) AS m FROM (SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false)));

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 2 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_1" AS
SELECT GROUPING("customer_id") AS gid, CAST("customer_id" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, 0::BIGINT AS n3, coalesce(sum(g4), 0)::BIGINT AS g4, coalesce(sum(t4), 0)::BIGINT AS t4, 0::BIGINT AS n4, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "customer_id", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772031448000000 THEN 0 WHEN __t < 1772048728000000 THEN 1 WHEN __t < 1772204248000000 THEN 2 WHEN __t < 1772210008000000 THEN 3 WHEN __t < 1772230168000000 THEN 4 WHEN __t < 1772269048000000 THEN 5 WHEN __t < 1772270488000000 THEN 6 WHEN __t < 1772277688000000 THEN 7 WHEN __t < 1772283448000000 THEN 8 WHEN __t < 1772283928000000 THEN 9 WHEN __t < 1772285608000000 THEN 10 WHEN __t < 1772286328000000 THEN 11 WHEN __t < 1772287048000000 THEN 12 WHEN __t < 1772287288000000 THEN 13 WHEN __t < 1772288848000000 THEN 14 WHEN __t < 1772288968000000 THEN 15 WHEN __t < 1772289568000000 THEN 16 WHEN __t < 1772289808000000 THEN 17 WHEN __t < 1772290228000000 THEN 18 WHEN __t < 1772290288000000 THEN 19 WHEN __t < 1772290348000000 THEN 20 WHEN __t < 1772290468000000 THEN 21 WHEN __t < 1772290528000000 THEN 22 WHEN __t < 1772290588000000 THEN 23 ELSE 24 END AS __a, 
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
    (__t IS NULL) AS null_time
  FROM (SELECT *, ((endpoint != '/healthz')) AS __e0, ((status < 500)) AS __e1, ((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) AS __e2, ("latency_ms" <= 500) AS __e3, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e4, ("latency_ms" <= 2000) AS __e5, (((endpoint = '/events') AND (status < 500))) AS __e6, ("latency_ms" <= 1000) AS __e7, __t >= 1769871448000000 AS __w0, __t >= 1769871600000000 AS __w1, __t >= 1771772400000000 AS __w2, __t >= 1772161048000000 AS __w3
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_1" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 14:57:28.000000+00' AND "ts" < TIMESTAMPTZ '2026-02-28 14:57:28.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769871448000000 AND __t < 1772290648000000)))
GROUP BY GROUPING SETS (("customer_id", __a));

INSERT INTO "scan_1" SELECT 1, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(g4), 0)::BIGINT, coalesce(sum(t4), 0)::BIGINT, coalesce(sum(n4), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT FROM "scan_1" WHERE gid = 0 GROUP BY __a;

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT, sum(n4)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/face_unlocks.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 1 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_2" AS
SELECT GROUPING("firmware") AS gid, CAST("firmware" AS VARCHAR) AS k0, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT "firmware", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1771513048000000 THEN 0 WHEN __t < 1772031448000000 THEN 1 WHEN __t < 1772048728000000 THEN 2 WHEN __t < 1772204248000000 THEN 3 WHEN __t < 1772210008000000 THEN 4 WHEN __t < 1772225848000000 THEN 5 WHEN __t < 1772269048000000 THEN 6 WHEN __t < 1772270488000000 THEN 7 WHEN __t < 1772279848000000 THEN 8 WHEN __t < 1772283448000000 THEN 9 WHEN __t < 1772283928000000 THEN 10 WHEN __t < 1772285248000000 THEN 11 WHEN __t < 1772287048000000 THEN 12 WHEN __t < 1772287288000000 THEN 13 WHEN __t < 1772288848000000 THEN 14 WHEN __t < 1772288968000000 THEN 15 WHEN __t < 1772289748000000 THEN 16 WHEN __t < 1772290348000000 THEN 17 ELSE 18 END AS __a, 
    (__w0 AND __e0) AS g0,
    (__w0 AND __e0 IS NOT NULL) AS t0,
    (__w1 AND __e0 AND __e1) AS g1,
    (__w1 AND __e0 AND __e1 IS NOT NULL) AS t1,
    (__w2 AND __e0 AND __e1) AS g2,
    (__w2 AND __e0 AND __e1 IS NOT NULL) AS t2,
    (__t IS NOT NULL) AS rows_in_range,
    (__t IS NULL) AS null_time
  FROM (SELECT *, (recognized) AS __e0, ("match_ms" <= 400) AS __e1, __t >= 1767193200000000 AS __w0, __t >= 1769871600000000 AS __w1, __t >= 1769871448000000 AS __w2
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_2" WHERE (("event_ms" >= 1767193199999 AND "event_ms" < 1772290648001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1767193200000000 AND __t < 1772290648000000)))
GROUP BY GROUPING SETS (("firmware", __a));

INSERT INTO "scan_2" SELECT 1, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT FROM "scan_2" WHERE gid = 0 GROUP BY __a;

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_2" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT FROM "scan_2" GROUP BY ALL;

SELECT coalesce(max(scan_id), -1) FROM "slo_reject_scans_3";

CREATE OR REPLACE TEMP TABLE "scan_3" AS
SELECT GROUPING("app_version", "customer_id", "lock_model") AS gid, CAST("app_version" AS VARCHAR) AS k0, CAST("customer_id" AS VARCHAR) AS k1, CAST("lock_model" AS VARCHAR) AS k2, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, coalesce(sum(n0), 0)::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, coalesce(sum(n1), 0)::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, coalesce(sum(n2), 0)::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, coalesce(sum(n3), 0)::BIGINT AS n3, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, 0::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time, coalesce(sum(x0_0), 0)::BIGINT AS x0_0, max(__t) AS latest
FROM (SELECT "app_version", "customer_id", "lock_model", __t, CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772031448000000 THEN 0 WHEN __t < 1772048728000000 THEN 1 WHEN __t < 1772204248000000 THEN 2 WHEN __t < 1772210008000000 THEN 3 WHEN __t < 1772230168000000 THEN 4 WHEN __t < 1772269048000000 THEN 5 WHEN __t < 1772270488000000 THEN 6 WHEN __t < 1772283448000000 THEN 7 WHEN __t < 1772283928000000 THEN 8 WHEN __t < 1772285608000000 THEN 9 WHEN __t < 1772287048000000 THEN 10 WHEN __t < 1772287288000000 THEN 11 WHEN __t < 1772288848000000 THEN 12 WHEN __t < 1772288968000000 THEN 13 WHEN __t < 1772289808000000 THEN 14 WHEN __t < 1772290228000000 THEN 15 WHEN __t < 1772290348000000 THEN 16 WHEN __t < 1772290588000000 THEN 17 ELSE 18 END AS __a, 
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
    (__w0 AND __x0 AND __e0 IS NOT NULL) AS x0_0
  FROM (SELECT *, ((__t >= 1770055200000000 AND __t < 1770058800000000)) AS __x0, ((result = 'success')) AS __e0, ("latency_ms" <= 2500) AS __e1, __t >= 1769871448000000 AS __w0, __t >= 1769871600000000 AS __w1, __t >= 1771685848000000 AS __w2, __t >= 1771772400000000 AS __w3
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, TRUE AS __keep FROM "src_3" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 14:57:28.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR __t >= 1769871448000000))
GROUP BY GROUPING SETS (("customer_id", __a), ("app_version", "lock_model", __a));

INSERT INTO "scan_3" SELECT 7, NULL, NULL, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(x0_0), 0)::BIGINT, max(latest) FROM "scan_3" WHERE gid = 5 GROUP BY __a;

SELECT gid, k0, k1, k2, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(x0_0)::BIGINT FROM "scan_3" GROUP BY ALL;

SELECT gid, k0, k1, k2, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT FROM "scan_3" GROUP BY ALL;

SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "slo_rejects_3" WHERE scan_id > -1);

SELECT s.file_path, e.line, string_agg(e.error_message, '; ' ORDER BY e.column_idx) FROM "slo_rejects_3" e JOIN "slo_reject_scans_3" s USING (scan_id, file_id) WHERE e.scan_id > -1 GROUP BY s.file_path, e.line ORDER BY s.file_path, e.line LIMIT 10;

SELECT max(latest) FROM "scan_3";

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 2 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_4" AS
SELECT GROUPING("__s1440", "__s5") AS gid, CAST("__s1440" AS VARCHAR) AS k0, CAST("__s5" AS VARCHAR) AS k1, __a, coalesce(sum(g0), 0)::BIGINT AS g0, coalesce(sum(t0), 0)::BIGINT AS t0, 0::BIGINT AS n0, coalesce(sum(g1), 0)::BIGINT AS g1, coalesce(sum(t1), 0)::BIGINT AS t1, 0::BIGINT AS n1, coalesce(sum(g2), 0)::BIGINT AS g2, coalesce(sum(t2), 0)::BIGINT AS t2, 0::BIGINT AS n2, coalesce(sum(g3), 0)::BIGINT AS g3, coalesce(sum(t3), 0)::BIGINT AS t3, 0::BIGINT AS n3, coalesce(sum(g4), 0)::BIGINT AS g4, coalesce(sum(t4), 0)::BIGINT AS t4, 0::BIGINT AS n4, coalesce(sum(g5), 0)::BIGINT AS g5, coalesce(sum(t5), 0)::BIGINT AS t5, 0::BIGINT AS n5, coalesce(sum(rows_in_range), 0)::BIGINT AS rows_in_range, coalesce(sum(excluded), 0)::BIGINT AS excluded, coalesce(sum(null_time), 0)::BIGINT AS null_time
FROM (SELECT (((__t + 62135629200000000) // 86400000000) * 2) AS "__s1440", (((__t + 62135629200000000) // 86400000000) * 576 + ((__t + 62135629200000000) - ((__t + 62135629200000000) // 86400000000) * 86400000000) // 300000000) AS "__s5", CASE WHEN __t IS NULL THEN 0 WHEN __t < 1772031448000000 THEN 0 WHEN __t < 1772048728000000 THEN 1 WHEN __t < 1772204248000000 THEN 2 WHEN __t < 1772210008000000 THEN 3 WHEN __t < 1772269048000000 THEN 4 WHEN __t < 1772270488000000 THEN 5 WHEN __t < 1772283448000000 THEN 6 WHEN __t < 1772283928000000 THEN 7 WHEN __t < 1772287048000000 THEN 8 WHEN __t < 1772287288000000 THEN 9 WHEN __t < 1772288848000000 THEN 10 WHEN __t < 1772288968000000 THEN 11 WHEN __t < 1772290348000000 THEN 12 ELSE 13 END AS __a, 
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
    (__t IS NULL) AS null_time
  FROM (SELECT *, ((endpoint IN ('/unlock', '/lock'))) AS __e0, ((status < 500)) AS __e1, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS __e2, ("latency_ms" <= 1500) AS __e3, ((endpoint = '/auth/token')) AS __e4, __t >= 1769871448000000 AS __w0, __t >= 1769871600000000 AS __w1
    FROM (SELECT *, (CASE WHEN "ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00' THEN epoch_us("ts") END) AS __t, coalesce(((customer_id != 't-internal-test')), FALSE) AS __keep FROM "src_4" WHERE (("ts" >= TIMESTAMPTZ '2026-01-31 14:57:28.000000+00' AND "ts" < TIMESTAMPTZ '2026-02-28 14:57:28.000000+00') OR NOT ("ts" >= TIMESTAMPTZ '1900-01-01 00:00:00.000000+00' AND "ts" < TIMESTAMPTZ '9999-01-01 00:00:00.000000+00')) OR "ts" IS NULL)
    WHERE __t IS NULL OR (__t >= 1769871448000000 AND __t < 1772290648000000)))
GROUP BY GROUPING SETS (("__s5", __a), ("__s1440", __a));

INSERT INTO "scan_4" SELECT 3, NULL, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(g3), 0)::BIGINT, coalesce(sum(t3), 0)::BIGINT, coalesce(sum(n3), 0)::BIGINT, coalesce(sum(g4), 0)::BIGINT, coalesce(sum(t4), 0)::BIGINT, coalesce(sum(n4), 0)::BIGINT, coalesce(sum(g5), 0)::BIGINT, coalesce(sum(t5), 0)::BIGINT, coalesce(sum(n5), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT FROM "scan_4" WHERE gid = 2 GROUP BY __a;

SELECT gid, k0, k1, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(g3)::BIGINT, sum(t3)::BIGINT, sum(n3)::BIGINT, sum(g4)::BIGINT, sum(t4)::BIGINT, sum(n4)::BIGINT, sum(g5)::BIGINT, sum(t5)::BIGINT, sum(n5)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_4" WHERE gid IN (3) GROUP BY ALL;

SELECT gid, k0, k1, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT FROM "scan_4" WHERE gid IN (3) GROUP BY ALL;

SELECT k1, __a, g0, t0, g0, t0 FROM "scan_4" WHERE gid = 2 AND (t0 > 0 OR t0 > 0);

SELECT k0, __a, g1, t1, g1, t1 FROM "scan_4" WHERE gid = 1 AND (t1 > 0 OR t1 > 0);

SELECT k1, 0, g3, t3, g3, t3 FROM "scan_4" WHERE gid = 2 AND (t3 > 0 OR t3 > 0);

SELECT k0, 0, g4, t4, g4, t4 FROM "scan_4" WHERE gid = 1 AND (t4 > 0 OR t4 > 0);

