-- Toasty migration V2: add foreign keys

-- step 1: add foreign key comments_post_id_fkey (comments -> posts)
ALTER TABLE "comments" ADD CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE;

-- step 2: add foreign key posts_author_id_fkey (posts -> users)
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE;

-- step 3: add foreign key taggings_post_id_fkey (taggings -> posts)
ALTER TABLE "taggings" ADD CONSTRAINT "taggings_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE;

-- step 4: add foreign key taggings_tag_id_fkey (taggings -> tags)
ALTER TABLE "taggings" ADD CONSTRAINT "taggings_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE;
