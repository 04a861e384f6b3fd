package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Many-to-many with courses, through enrollments. */
@Model
public record Student(
    @Key @Auto UUID id,
    String name,
    HasMany<Enrollment> enrollments,
    @HasMany.Via("enrollments.course") HasMany<Course> courses) {}
