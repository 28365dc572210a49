-- slo report slo-specs/homehub-api.yaml --at 2026-03-01T00:00:00Z
-- exit 0

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT customer_id <> ''t-internal-test'''), (1, 'SELECT status < 500'), (2, 'SELECT endpoint <> ''/healthz'''), (3, 'SELECT status < 500'), (4, 'SELECT endpoint <> ''/healthz'''), (5, 'SELECT method = ''GET'' AND endpoint <> ''/healthz'' AND status < 500'), (6, 'SELECT endpoint IN (''/unlock'', ''/lock'') AND status < 500'), (7, 'SELECT endpoint = ''/events'' AND status < 500')) q(i, sql))) ORDER BY i;

SELECT file FROM glob('$ROOT/examples/homehub/api/api-*.parquet');

SELECT file_name, name, type, converted_type, logical_type::VARCHAR FROM parquet_schema(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet']) WHERE type IS NOT NULL;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet'], union_by_name = true, hive_partitioning = false);

SET allowed_paths = ['$ROOT/examples/homehub/api/api-2026-01.parquet', '$ROOT/examples/homehub/api/api-2026-02.parquet', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT ((customer_id != 't-internal-test')) AS c0, ((status < 500)) AS c1, ((endpoint != '/healthz')) AS c2, ((status < 500)) AS c3, ((endpoint != '/healthz')) AS c4, ((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) AS c5, (((endpoint IN ('/unlock', '/lock')) AND (status < 500))) AS c6, (((endpoint = '/events') AND (status < 500))) AS c7 FROM "src_1";

SELECT count_if(((customer_id != 't-internal-test')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint != '/healthz')) IS TRUE), count_if(((status < 500)) IS TRUE), count_if(((endpoint != '/healthz')) IS TRUE), count_if(((("method" = 'GET') AND (endpoint != '/healthz') AND (status < 500))) IS TRUE), count_if((((endpoint IN ('/unlock', '/lock')) AND (status < 500))) IS TRUE), count_if((((endpoint = '/events') AND (status < 500))) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

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

CREATE OR REPLACE TEMP TABLE "scan_2" AS
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

SELECT gid, k0, k1, k2, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(m3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(m4) FILTER (WHERE __seg >= 4), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_2" WHERE gid IN (7, 5) GROUP BY ALL;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 5), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a3), 0)::BIGINT, coalesce(sum(b3), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a4), 0)::BIGINT, coalesce(sum(b4), 0)::BIGINT FROM "scan_2" s JOIN (VALUES (0, 491631, 491655), (1, 491655, 491679), (2, 491679, 491703), (3, 491703, 491727), (4, 491727, 491751), (5, 491751, 491775), (6, 491775, 491799), (7, 491799, 491823), (8, 491823, 491847), (9, 491847, 491871), (10, 491871, 491895), (11, 491895, 491919), (12, 491919, 491943), (13, 491943, 491967), (14, 491967, 491991), (15, 491991, 492015), (16, 492015, 492039), (17, 492039, 492063), (18, 492063, 492087), (19, 492087, 492111), (20, 492111, 492135), (21, 492135, 492159), (22, 492159, 492183), (23, 492183, 492207), (24, 492207, 492231), (25, 492231, 492255), (26, 492255, 492279), (27, 492279, 492303), (28, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 7 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a3) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b3) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a4) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b4) FILTER (WHERE __seg >= 2), 0)::BIGINT FROM "scan_2" WHERE gid = 7;

WITH v AS (SELECT k2 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_2" WHERE gid = 6 GROUP BY k2 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k0 AS v, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS good, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT AS total FROM "scan_2" WHERE gid = 3 GROUP BY k0 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

