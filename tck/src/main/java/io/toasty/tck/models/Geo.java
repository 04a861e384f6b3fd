package io.toasty.tck.models;

import io.toasty.annotations.Embeddable;

/** A point, embedded in {@link Address} (embedded family: the second level). */
@Embeddable
public record Geo(int lat, int lon) {}
