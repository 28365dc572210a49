-- slo sql --dialect snowflake: per-minute roll-up of source 'api' (5 SLOs)
-- Reads api: the spec's column names, with the event time 'ts' a timestamp (UTC, or with a zone).
-- Rows without an event time are left out, as slo check leaves them out.
-- One row per SLO, minute and group: slo, minute (UTC minute start), customer_id, region, good, total.
-- Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>
-- and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,
-- budgeting: and labels from the original spec):
--   version: 1
--   sources:
--     availability: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'availability'"}
--     availability-per-customer: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'availability-per-customer'"}
--     availability-per-region-and-customer: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'availability-per-region-and-customer'"}
--     read-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'read-latency'"}
--     requests-as-counts: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'requests-as-counts'"}
--   slos:
--     - {name: availability, source: availability, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99.5%, window: 7d}
--     - {name: availability-per-customer, source: availability-per-customer, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: month, per: [customer_id], min_events: 50}
--     - {name: availability-per-region-and-customer, source: availability-per-region-and-customer, service: homehub, sli: {counts: {good: good, total: total}}, objective: 98%, window: week, per: [region, customer_id]}
--     - {name: read-latency, source: read-latency, service: api-gateway, sli: {counts: {good: good, total: total}}, objective: 99%, window: 36h}
--     - {name: requests-as-counts, source: requests-as-counts, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99.9%, window: 28d}
SELECT 'availability' AS "slo", DATE_TRUNC('MINUTE', "TS") AS "minute", NULL AS "customer_id", NULL AS "region",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("ENDPOINT" <> '/healthz')) AND (("STATUS" < 500))) AS "good",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("ENDPOINT" <> '/healthz')) AND (("STATUS" < 500)) IS NOT NULL) AS "total"
FROM api
WHERE "TS" IS NOT NULL
GROUP BY DATE_TRUNC('MINUTE', "TS")
UNION ALL
SELECT 'availability-per-customer' AS "slo", DATE_TRUNC('MINUTE', "TS") AS "minute", "CUSTOMER_ID" AS "customer_id", NULL AS "region",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("STATUS" < 500))) AS "good",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("STATUS" < 500)) IS NOT NULL) AS "total"
FROM api
WHERE "TS" IS NOT NULL
GROUP BY DATE_TRUNC('MINUTE', "TS"), "CUSTOMER_ID"
UNION ALL
SELECT 'availability-per-region-and-customer' AS "slo", DATE_TRUNC('MINUTE', "TS") AS "minute", "CUSTOMER_ID" AS "customer_id", "REGION" AS "region",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("METHOD" = 'GET')) AND ((NOT ("STATUS" IN (500, 502, 503))))) AS "good",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (("METHOD" = 'GET')) AND ((NOT ("STATUS" IN (500, 502, 503)))) IS NOT NULL) AS "total"
FROM api
WHERE "TS" IS NOT NULL
GROUP BY DATE_TRUNC('MINUTE', "TS"), "REGION", "CUSTOMER_ID"
UNION ALL
SELECT 'read-latency' AS "slo", DATE_TRUNC('MINUTE', "TS") AS "minute", NULL AS "customer_id", NULL AS "region",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND ((("METHOD" = 'GET') AND ("STATUS" < 500))) AND ("LATENCY_MS" <= 400)) AS "good",
  COUNT_IF(COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND ((("METHOD" = 'GET') AND ("STATUS" < 500))) AND ("LATENCY_MS" <= 400) IS NOT NULL) AS "total"
FROM api
WHERE "TS" IS NOT NULL
GROUP BY DATE_TRUNC('MINUTE', "TS")
UNION ALL
SELECT 'requests-as-counts' AS "slo", DATE_TRUNC('MINUTE', "TS") AS "minute", NULL AS "customer_id", NULL AS "region",
  COALESCE(SUM(CASE WHEN COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) >= 0 AND ((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) <= (1) AND ((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) = FLOOR(((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END))) AND (1) = FLOOR((1))) THEN CAST(((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) AS NUMBER(38,0)) END), 0) AS "good",
  COALESCE(SUM(CASE WHEN COALESCE((COALESCE("CUSTOMER_ID", '') <> 't-internal-test'), FALSE) AND (((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) >= 0 AND ((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) <= (1) AND ((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END)) = FLOOR(((CASE WHEN ("STATUS" < 500) THEN 1 ELSE 0 END))) AND (1) = FLOOR((1))) THEN CAST((1) AS NUMBER(38,0)) END), 0) AS "total"
FROM api
WHERE "TS" IS NOT NULL
GROUP BY DATE_TRUNC('MINUTE', "TS");
