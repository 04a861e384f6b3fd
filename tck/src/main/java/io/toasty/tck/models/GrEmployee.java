package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/** Works at a company: the relationship type is declared, the direction the default. */
@Model
public record GrEmployee(
    @Key @Auto UUID id,
    String name,
    @Index UUID companyId,
    @Relationship(type = "WORKS_AT") BelongsTo<GrCompany> company) {}
