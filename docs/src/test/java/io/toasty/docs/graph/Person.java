package io.toasty.docs.graph;

import io.toasty.BelongsTo;
import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Relationship;
import java.util.UUID;

/** A person of the social graph in docs/neo4j.md, "Modelling relationships". */
// snippet: graph-person
@Model
public record Person(
    @Key @Auto UUID id,
    String name,
    UUID companyId,
    @Relationship(type = "WORKS_AT") BelongsTo<Company> company,  // (Person)-[:WORKS_AT]->(Company)
    @Relationship(type = "WROTE") HasMany<Post> posts,            // (Person)-[:WROTE]->(Post)
    @HasMany.Pair("follower") HasMany<Follow> follows) {
}
// end-snippet
