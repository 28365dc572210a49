-- slo report slo-specs/homehub-face.yaml --at 2026-03-01T00:00:00Z
-- exit 0

SET TimeZone = 'UTC';

SET memory_limit = '1GB';

SET temp_directory = '$TMP';

SET enable_progress_bar = true;

SET enable_progress_bar_print = false;

SET autoinstall_known_extensions = false;

SET autoload_known_extensions = false;

SET parquet_metadata_cache = true;

SELECT j, c, CASE WHEN c IS NOT NULL THEN json_serialize_sql(c) END FROM (SELECT i, j, CASE WHEN j->>'error' = 'false' THEN json_deserialize_sql(j::JSON) END AS c FROM (SELECT i, json_serialize_sql(sql) AS j FROM (VALUES (0, 'SELECT recognized'), (1, 'SELECT recognized'), (2, 'SELECT recognized')) q(i, sql))) ORDER BY i;

DESCRIBE SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

CREATE TEMP VIEW "src_1" AS SELECT * FROM read_parquet(['$ROOT/examples/homehub/face_unlocks.parquet'], union_by_name = true, hive_partitioning = false);

SELECT quantile_disc(v, 0.5) FROM (SELECT TRY_CAST("event_ms" AS DOUBLE) AS v FROM "src_1" LIMIT 100000) WHERE isfinite(v);

SET allowed_paths = ['$ROOT/examples/homehub/face_unlocks.parquet', '$TMP'];

SET enable_external_access = false;

SET lock_configuration = true;

DESCRIBE SELECT (recognized) AS c0, (recognized) AS c1, (recognized) AS c2 FROM "src_1";

SELECT count_if((recognized) IS TRUE), count_if((recognized) IS TRUE), count_if((recognized) IS TRUE) FROM (SELECT * FROM "src_1" LIMIT 500);

SELECT path_in_schema FROM parquet_metadata(['$ROOT/examples/homehub/face_unlocks.parquet']) GROUP BY path_in_schema HAVING count(DISTINCT file_name) = 1 AND bool_and(coalesce(stats_null_count = 0, FALSE));

CREATE OR REPLACE TEMP TABLE "scan_1" AS
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
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_1" WHERE (("event_ms" >= 1767193199999 AND "event_ms" < 1772323200001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1767193200000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS (("firmware", __a));

INSERT INTO "scan_1" SELECT 1, NULL, __a, coalesce(sum(g0), 0)::BIGINT, coalesce(sum(t0), 0)::BIGINT, coalesce(sum(n0), 0)::BIGINT, coalesce(sum(g1), 0)::BIGINT, coalesce(sum(t1), 0)::BIGINT, coalesce(sum(n1), 0)::BIGINT, coalesce(sum(g2), 0)::BIGINT, coalesce(sum(t2), 0)::BIGINT, coalesce(sum(n2), 0)::BIGINT, coalesce(sum(rows_in_range), 0)::BIGINT, coalesce(sum(excluded), 0)::BIGINT, coalesce(sum(null_time), 0)::BIGINT, coalesce(sum(ag1), 0)::BIGINT, coalesce(sum(av1), 0)::BIGINT FROM "scan_1" WHERE gid = 0 GROUP BY __a;

SELECT gid, k0, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(n0)::BIGINT, sum(g1)::BIGINT, sum(t1)::BIGINT, sum(n1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT, sum(n2)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT FROM "scan_1" GROUP BY ALL;

SELECT gid, k0, __a, sum(g0)::BIGINT, sum(t0)::BIGINT, sum(ag1)::BIGINT, sum(av1)::BIGINT, sum(g2)::BIGINT, sum(t2)::BIGINT FROM "scan_1" GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE "scan_2" AS
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
    FROM (SELECT *, (CASE WHEN "event_ms" >= -2208988800001 AND "event_ms" < 253370764800001 THEN TRY_CAST(round("event_ms" * 1000) AS BIGINT) END) AS __t, TRUE AS __keep FROM "src_1" WHERE (("event_ms" >= 1767193199999 AND "event_ms" < 1772323200001) OR NOT ("event_ms" >= -2208988800001 AND "event_ms" < 253370764800001)) OR "event_ms" IS NULL)
    WHERE __t IS NULL OR (__t >= 1767193200000000 AND __t < 1772323200000000)))
GROUP BY GROUPING SETS ((__b, __seg), ("firmware", __seg), ("lock_model", __seg));

SELECT gid, k0, k1, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(m0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(m1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(m2) FILTER (WHERE __seg >= 2), 0)::BIGINT, sum(rows_in_range)::BIGINT, sum(excluded)::BIGINT, sum(null_time)::BIGINT FROM "scan_2" WHERE gid IN (3, 1) GROUP BY ALL;

SELECT d.i, coalesce(sum(a0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 1), 0)::BIGINT, coalesce(sum(a0), 0)::BIGINT, coalesce(sum(b0), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT, coalesce(sum(a1), 0)::BIGINT, coalesce(sum(b1), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 2), 0)::BIGINT, coalesce(sum(a2), 0)::BIGINT, coalesce(sum(b2), 0)::BIGINT FROM "scan_2" s JOIN (VALUES (0, 490887, 490911), (1, 490911, 490935), (2, 490935, 490959), (3, 490959, 490983), (4, 490983, 491007), (5, 491007, 491031), (6, 491031, 491055), (7, 491055, 491079), (8, 491079, 491103), (9, 491103, 491127), (10, 491127, 491151), (11, 491151, 491175), (12, 491175, 491199), (13, 491199, 491223), (14, 491223, 491247), (15, 491247, 491271), (16, 491271, 491295), (17, 491295, 491319), (18, 491319, 491343), (19, 491343, 491367), (20, 491367, 491391), (21, 491391, 491415), (22, 491415, 491439), (23, 491439, 491463), (24, 491463, 491487), (25, 491487, 491511), (26, 491511, 491535), (27, 491535, 491559), (28, 491559, 491583), (29, 491583, 491607), (30, 491607, 491631), (31, 491631, 491655), (32, 491655, 491679), (33, 491679, 491703), (34, 491703, 491727), (35, 491727, 491751), (36, 491751, 491775), (37, 491775, 491799), (38, 491799, 491823), (39, 491823, 491847), (40, 491847, 491871), (41, 491871, 491895), (42, 491895, 491919), (43, 491919, 491943), (44, 491943, 491967), (45, 491967, 491991), (46, 491991, 492015), (47, 492015, 492039), (48, 492039, 492063), (49, 492063, 492087), (50, 492087, 492111), (51, 492111, 492135), (52, 492135, 492159), (53, 492159, 492183), (54, 492183, 492207), (55, 492207, 492231), (56, 492231, 492255), (57, 492255, 492279), (58, 492279, 492303), (59, 492303, 492327)) d(i, lo, hi) ON s.__b >= d.lo AND s.__b < d.hi WHERE s.gid = 3 GROUP BY d.i;

SELECT 0, coalesce(sum(a0) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b0) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b1) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(a2) FILTER (WHERE __seg >= 3), 0)::BIGINT, coalesce(sum(b2) FILTER (WHERE __seg >= 3), 0)::BIGINT FROM "scan_2" WHERE gid = 3;

WITH v AS (SELECT k0 AS v, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS good, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS total FROM "scan_2" WHERE gid = 1 GROUP BY k0 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

WITH v AS (SELECT k1 AS v, coalesce(sum(a1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS good, coalesce(sum(b1) FILTER (WHERE __seg >= 4), 0)::BIGINT AS total FROM "scan_2" WHERE gid = 2 GROUP BY k1 HAVING total > 0), r AS (SELECT *, row_number() OVER (ORDER BY total - good DESC, total DESC, v ASC NULLS LAST) AS rn FROM v) SELECT rn, v, 1, good, total FROM r WHERE rn <= 10 UNION ALL SELECT 11, NULL, count(*), coalesce(sum(good), 0), coalesce(sum(total), 0) FROM r WHERE rn > 10 ORDER BY 1;

