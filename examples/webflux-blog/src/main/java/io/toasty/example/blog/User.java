package io.toasty.example.blog;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/**
 * A blog's user: the author of posts. {@code postCount} counts them; every write that adds or
 * moves posts changes it in the same transaction.
 */
@Model(repository = true)
public record User(@Key @Auto long id, String name, @Unique String email,
    @Default("0") long postCount,
    @HasMany.Pair("author") HasMany<Post> posts) {}
