-- slo sql --dialect duckdb: per-minute roll-up of source 'api' (5 SLOs)
-- Reads "api": the spec's column names, with the event time 'ts' a timestamp (UTC, or with a zone).
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
SELECT 'availability' AS "slo", date_trunc('minute', make_timestamp(epoch_us("ts"))) AS "minute", NULL AS "customer_id", NULL AS "region",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((endpoint != '/healthz'))) AND (((status < 500)))) AS "good",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((endpoint != '/healthz'))) AND (((status < 500))) IS NOT NULL) AS "total"
FROM "api"
WHERE "ts" IS NOT NULL
GROUP BY date_trunc('minute', make_timestamp(epoch_us("ts")))
UNION ALL
SELECT 'availability-per-customer' AS "slo", date_trunc('minute', make_timestamp(epoch_us("ts"))) AS "minute", "customer_id" AS "customer_id", NULL AS "region",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((status < 500)))) AS "good",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((status < 500))) IS NOT NULL) AS "total"
FROM "api"
WHERE "ts" IS NOT NULL
GROUP BY date_trunc('minute', make_timestamp(epoch_us("ts"))), "customer_id"
UNION ALL
SELECT 'availability-per-region-and-customer' AS "slo", date_trunc('minute', make_timestamp(epoch_us("ts"))) AS "minute", "customer_id" AS "customer_id", "region" AS "region",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND ((("method" = 'GET'))) AND (((NOT (status IN (500, 502, 503)))))) AS "good",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND ((("method" = 'GET'))) AND (((NOT (status IN (500, 502, 503))))) IS NOT NULL) AS "total"
FROM "api"
WHERE "ts" IS NOT NULL
GROUP BY date_trunc('minute', make_timestamp(epoch_us("ts"))), "region", "customer_id"
UNION ALL
SELECT 'read-latency' AS "slo", date_trunc('minute', make_timestamp(epoch_us("ts"))) AS "minute", NULL AS "customer_id", NULL AS "region",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((("method" = 'GET') AND (status < 500)))) AND ("latency_ms" <= 400)) AS "good",
  count(*) FILTER (WHERE COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND (((("method" = 'GET') AND (status < 500)))) AND ("latency_ms" <= 400) IS NOT NULL) AS "total"
FROM "api"
WHERE "ts" IS NOT NULL
GROUP BY date_trunc('minute', make_timestamp(epoch_us("ts")))
UNION ALL
SELECT 'requests-as-counts' AS "slo", date_trunc('minute', make_timestamp(epoch_us("ts"))) AS "minute", NULL AS "customer_id", NULL AS "region",
  COALESCE(SUM(CASE WHEN COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND ((("if"((status < 500), 1, 0))) >= 0 AND (("if"((status < 500), 1, 0))) <= ((1)) AND (("if"((status < 500), 1, 0))) = trunc((("if"((status < 500), 1, 0)))) AND ((1)) = trunc(((1))) AND TRY_CAST(((1)) AS HUGEINT) IS NOT NULL) THEN TRY_CAST((("if"((status < 500), 1, 0))) AS HUGEINT) END), 0) AS "good",
  COALESCE(SUM(CASE WHEN COALESCE(((COALESCE(customer_id, '') != 't-internal-test')), FALSE) AND ((("if"((status < 500), 1, 0))) >= 0 AND (("if"((status < 500), 1, 0))) <= ((1)) AND (("if"((status < 500), 1, 0))) = trunc((("if"((status < 500), 1, 0)))) AND ((1)) = trunc(((1))) AND TRY_CAST(((1)) AS HUGEINT) IS NOT NULL) THEN TRY_CAST(((1)) AS HUGEINT) END), 0) AS "total"
FROM "api"
WHERE "ts" IS NOT NULL
GROUP BY date_trunc('minute', make_timestamp(epoch_us("ts")));
