-- slo sql --dialect bigquery: per-minute roll-up of source 'api' (5 SLOs)
-- Reads `api`: the spec's column names, with the event time 'ts' a timestamp (UTC, or with a zone).
-- Rows without an event time are left out, as slo check leaves them out.
-- One row per SLO, minute and group: slo, minute (UTC minute start), customer_id, good, total.
-- Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>
-- and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,
-- budgeting: and labels from the original spec):
--   version: 1
--   sources:
--     api-availability: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'api-availability'"}
--     api-availability-per-customer: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'api-availability-per-customer'"}
--     api-read-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'api-read-latency'"}
--     lock-command-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'lock-command-latency'"}
--     events-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'events-latency'"}
--   slos:
--     - {name: api-availability, source: api-availability, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99.9%, window: 28d}
--     - {name: api-availability-per-customer, source: api-availability-per-customer, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99.5%, window: month, per: [customer_id], min_events: 500}
--     - {name: api-read-latency, source: api-read-latency, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: 28d}
--     - {name: lock-command-latency, source: lock-command-latency, service: lock-gateway, sli: {counts: {good: good, total: total}}, objective: 99%, window: week}
--     - {name: events-latency, source: events-latency, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: 36h}
SELECT 'api-availability' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` <> '/healthz')) AND ((`status` < 500))) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` <> '/healthz')) AND ((`status` < 500)) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'api-availability-per-customer' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, `customer_id` AS `customer_id`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` <> '/healthz')) AND ((`status` < 500))) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` <> '/healthz')) AND ((`status` < 500)) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE), `customer_id`
UNION ALL
SELECT 'api-read-latency' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`method` = 'GET') AND (`endpoint` <> '/healthz') AND (`status` < 500))) AND (`latency_ms` <= 500)) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`method` = 'GET') AND (`endpoint` <> '/healthz') AND (`status` < 500))) AND (`latency_ms` <= 500) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'lock-command-latency' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` IN ('/unlock', '/lock')) AND (`status` < 500))) AND (`latency_ms` <= 2000)) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` IN ('/unlock', '/lock')) AND (`status` < 500))) AND (`latency_ms` <= 2000) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'events-latency' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` = '/events') AND (`status` < 500))) AND (`latency_ms` <= 1000)) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` = '/events') AND (`status` < 500))) AND (`latency_ms` <= 1000) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE);

-- slo sql --dialect bigquery: per-minute roll-up of source 'face' (3 SLOs)
-- Reads `face`: the spec's column names, with the event time 'event_ms' in milliseconds since 1970-01-01 UTC.
-- Rows without an event time are left out, as slo check leaves them out.
-- One row per SLO, minute and group: slo, minute (UTC minute start), firmware, good, total.
-- Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>
-- and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,
-- budgeting: and labels from the original spec):
--   version: 1
--   sources:
--     face-recognition: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'face-recognition'"}
--     face-match-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'face-match-latency'"}
--     face-match-latency-by-firmware: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'face-match-latency-by-firmware'"}
--   slos:
--     - {name: face-recognition, source: face-recognition, service: homehub, sli: {counts: {good: good, total: total}}, objective: 97%, window: quarter, calendar: {start: 04-01}}
--     - {name: face-match-latency, source: face-match-latency, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: month}
--     - {name: face-match-latency-by-firmware, source: face-match-latency-by-firmware, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: 28d, per: [firmware], min_events: 200}
SELECT 'face-recognition' AS `slo`, TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE) AS `minute`, NULL AS `firmware`,
  COUNTIF((`recognized`)) AS `good`,
  COUNTIF((`recognized`) IS NOT NULL) AS `total`
FROM `face`
WHERE `event_ms` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE)
UNION ALL
SELECT 'face-match-latency' AS `slo`, TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE) AS `minute`, NULL AS `firmware`,
  COUNTIF((`recognized`) AND (`match_ms` <= 400)) AS `good`,
  COUNTIF((`recognized`) AND (`match_ms` <= 400) IS NOT NULL) AS `total`
FROM `face`
WHERE `event_ms` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE)
UNION ALL
SELECT 'face-match-latency-by-firmware' AS `slo`, TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE) AS `minute`, `firmware` AS `firmware`,
  COUNTIF((`recognized`) AND (`match_ms` <= 400)) AS `good`,
  COUNTIF((`recognized`) AND (`match_ms` <= 400) IS NOT NULL) AS `total`
FROM `face`
WHERE `event_ms` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(TIMESTAMP_MICROS(CAST(ROUND(`event_ms` * 1000) AS INT64)), MINUTE), `firmware`;

-- slo sql --dialect bigquery: per-minute roll-up of source 'unlocks' (4 SLOs)
-- Reads `unlocks`: the spec's column names, with the event time 'ts' a timestamp (UTC, or with a zone).
-- Rows without an event time are left out, as slo check leaves them out.
-- One row per SLO, minute and group: slo, minute (UTC minute start), customer_id, lock_model, app_version, good, total.
-- Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>
-- and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,
-- budgeting: and labels from the original spec):
--   version: 1
--   sources:
--     unlock-success: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'unlock-success'"}
--     unlock-success-per-customer: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'unlock-success-per-customer'"}
--     unlock-success-by-app-version: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'unlock-success-by-app-version'"}
--     unlock-latency: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'unlock-latency'"}
--   slos:
--     - {name: unlock-success, source: unlock-success, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: 28d}
--     - {name: unlock-success-per-customer, source: unlock-success-per-customer, service: homehub, sli: {counts: {good: good, total: total}}, objective: 97%, window: month, per: [customer_id], min_events: 100}
--     - {name: unlock-success-by-app-version, source: unlock-success-by-app-version, service: homehub, sli: {counts: {good: good, total: total}}, objective: 98%, window: 7d, per: [lock_model, app_version], min_events: 50}
--     - {name: unlock-latency, source: unlock-latency, service: homehub, sli: {counts: {good: good, total: total}}, objective: 97%, window: week}
SELECT 'unlock-success' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`, NULL AS `lock_model`, NULL AS `app_version`,
  COUNTIF(((`result` = 'success'))) AS `good`,
  COUNTIF(((`result` = 'success')) IS NOT NULL) AS `total`
FROM `unlocks`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'unlock-success-per-customer' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, `customer_id` AS `customer_id`, NULL AS `lock_model`, NULL AS `app_version`,
  COUNTIF(((`result` = 'success'))) AS `good`,
  COUNTIF(((`result` = 'success')) IS NOT NULL) AS `total`
FROM `unlocks`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE), `customer_id`
UNION ALL
SELECT 'unlock-success-by-app-version' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`, `lock_model` AS `lock_model`, `app_version` AS `app_version`,
  COUNTIF(((`result` = 'success'))) AS `good`,
  COUNTIF(((`result` = 'success')) IS NOT NULL) AS `total`
FROM `unlocks`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE), `lock_model`, `app_version`
UNION ALL
SELECT 'unlock-latency' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`, NULL AS `customer_id`, NULL AS `lock_model`, NULL AS `app_version`,
  COUNTIF(((`result` = 'success')) AND (`latency_ms` <= 2500)) AS `good`,
  COUNTIF(((`result` = 'success')) AND (`latency_ms` <= 2500) IS NOT NULL) AS `total`
FROM `unlocks`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE);

-- slo sql --dialect bigquery: per-minute roll-up of source 'api' (3 SLOs)
-- Reads `api`: the spec's column names, with the event time 'ts' a timestamp (UTC, or with a zone).
-- Rows without an event time are left out, as slo check leaves them out.
-- One row per SLO, minute and group: slo, minute (UTC minute start), good, total.
-- Export the result (CSV or Parquet) and evaluate it with slo check --at <a whole minute>
-- and this counts spec (path: the exported file; copy the SLOs' alerts:, exclude:,
-- budgeting: and labels from the original spec):
--   version: 1
--   sources:
--     unlock-good-minutes: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'unlock-good-minutes'"}
--     lock-latency-daily: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'lock-latency-daily'"}
--     app-sign-in: {path: rollup.csv, timestamp: minute, timezone: Asia/Tokyo, where: "slo = 'app-sign-in'"}
--   slos:
--     - {name: unlock-good-minutes, source: unlock-good-minutes, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: 28d}
--     - {name: lock-latency-daily, source: lock-latency-daily, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99%, window: month}
--     - {name: app-sign-in, source: app-sign-in, service: homehub, sli: {counts: {good: good, total: total}}, objective: 99.5%, window: 28d}
SELECT 'unlock-good-minutes' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` IN ('/unlock', '/lock'))) AND ((`status` < 500))) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` IN ('/unlock', '/lock'))) AND ((`status` < 500)) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'lock-latency-daily' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` IN ('/unlock', '/lock')) AND (`status` < 500))) AND (`latency_ms` <= 1500)) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND (((`endpoint` IN ('/unlock', '/lock')) AND (`status` < 500))) AND (`latency_ms` <= 1500) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE)
UNION ALL
SELECT 'app-sign-in' AS `slo`, TIMESTAMP_TRUNC(`ts`, MINUTE) AS `minute`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` = '/auth/token')) AND ((`status` < 500))) AS `good`,
  COUNTIF(COALESCE((`customer_id` <> 't-internal-test'), FALSE) AND ((`endpoint` = '/auth/token')) AND ((`status` < 500)) IS NOT NULL) AS `total`
FROM `api`
WHERE `ts` IS NOT NULL
GROUP BY TIMESTAMP_TRUNC(`ts`, MINUTE);
