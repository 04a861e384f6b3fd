package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The join model of students and courses. */
@Model
public record Enrollment(
    @Key @Auto long id,
    @Index long studentId,
    BelongsTo<Student> student,
    @Index long courseId,
    BelongsTo<Course> course) {}
