package io.toasty.codegen.samples;

import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Sensitive;
import java.util.Optional;

/** Fields that declare their column's previous name, for migrations. */
@Model
public record Renamed(
    @Key String id,
    @Column(renamedFrom = "nick") Optional<String> nickname,
    @Column(value = "full_name", renamedFrom = "name") String displayName,
    @Sensitive @Column(renamedFrom = "pin") String secret,
    String kept) {}
