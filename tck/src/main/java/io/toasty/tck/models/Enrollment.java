package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The join model of students and courses. */
@Model
public record Enrollment(
    @Key @Auto UUID id,
    @Index UUID studentId,
    BelongsTo<Student> student,
    @Index UUID courseId,
    BelongsTo<Course> course) {}
