package io.toasty.example.blog;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** A blog's user: the author of posts. */
@Model(repository = true)
public record User(@Key @Auto long id, String name, @Unique String email,
    @HasMany.Pair("author") HasMany<Post> posts) {}
