package io.toasty.docs.migrations.v2;

import io.toasty.annotations.Column;
import io.toasty.annotations.Default;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** The second version of docs/migrations.md's model: renamed, added, indexed, widened. */
// snippet: migrations-model-v2
@Model
public record Member(
    @Key String id,
    @Column(renamedFrom = "name") String displayName,   // a rename keeps the data
    long age,                                          // int -> long
    @Index Optional<String> nickname,                  // a new nullable, indexed column
    @Default("0") int visits) {}                       // existing rows get 0
// end-snippet
