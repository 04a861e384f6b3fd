package io.toasty.tck.models;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** Many-to-many with students, through enrollments. */
@Model
public record Course(
    @Key @Auto UUID id,
    String title,
    HasMany<Enrollment> enrollments,
    @HasMany.Via("enrollments.student") HasMany<Student> students) {}
