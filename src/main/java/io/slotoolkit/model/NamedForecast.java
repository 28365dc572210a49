package io.slotoolkit.model;

/**
 * One forecast of a spec's {@code forecasts:} list, with what names it.
 *
 * @param name the entry's name
 * @param service the spec file's service
 * @param spec where the entry is declared ({@code slo-specs/sync-job.yaml:14:5})
 * @param description the entry's description; may be null
 * @param report what was forecast and checked
 */
public record NamedForecast(
    String name, String service, String spec, String description, ForecastReport report) {}
