package io.toasty.docs.paths;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A member of a follows graph (docs/queries.md and docs/neo4j.md, "Paths"). */
// snippet: paths-member
@Model
public record Member(
    @Key @Auto UUID id,
    String name,
    String city,
    @HasMany.Pair("follower") HasMany<Follow> follows,
    @HasMany.Via("follows.followed") HasMany<Member> following) {   // a relation to itself
}
// end-snippet
