-- Toasty migration V2: add foreign keys

-- step 1: add foreign key comments_post_id_fkey (comments -> posts)
CREATE TABLE "comments__toasty_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" INTEGER NOT NULL CONSTRAINT "comments_post_id_range" CHECK ("post_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "body" TEXT NOT NULL, CONSTRAINT "comments_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE);
INSERT INTO "comments__toasty_new" ("id", "post_id", "body") SELECT "id", "post_id", "body" FROM "comments";
DROP TABLE "comments";
ALTER TABLE "comments__toasty_new" RENAME TO "comments";
CREATE INDEX "comments_post_id_idx" ON "comments" ("post_id");

-- step 2: add foreign key posts_author_id_fkey (posts -> users)
CREATE TABLE "posts__toasty_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "author_id" INTEGER NOT NULL CONSTRAINT "posts_author_id_range" CHECK ("author_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "title" TEXT NOT NULL, "body" TEXT NOT NULL, "published" BOOLEAN NOT NULL, CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE);
INSERT INTO "posts__toasty_new" ("id", "author_id", "title", "body", "published") SELECT "id", "author_id", "title", "body", "published" FROM "posts";
DROP TABLE "posts";
ALTER TABLE "posts__toasty_new" RENAME TO "posts";
CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id");

-- step 3: add foreign key taggings_post_id_fkey (taggings -> posts)
CREATE TABLE "taggings__toasty_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" INTEGER NOT NULL CONSTRAINT "taggings_post_id_range" CHECK ("post_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "tag_id" INTEGER NOT NULL CONSTRAINT "taggings_tag_id_range" CHECK ("tag_id" BETWEEN -9223372036854775808 AND 9223372036854775807), CONSTRAINT "taggings_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE);
INSERT INTO "taggings__toasty_new" ("id", "post_id", "tag_id") SELECT "id", "post_id", "tag_id" FROM "taggings";
DROP TABLE "taggings";
ALTER TABLE "taggings__toasty_new" RENAME TO "taggings";
CREATE INDEX "taggings_post_id_idx" ON "taggings" ("post_id");
CREATE INDEX "taggings_tag_id_idx" ON "taggings" ("tag_id");

-- step 4: add foreign key taggings_tag_id_fkey (taggings -> tags)
CREATE TABLE "taggings__toasty_new" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" INTEGER NOT NULL CONSTRAINT "taggings_post_id_range" CHECK ("post_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "tag_id" INTEGER NOT NULL CONSTRAINT "taggings_tag_id_range" CHECK ("tag_id" BETWEEN -9223372036854775808 AND 9223372036854775807), CONSTRAINT "taggings_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts" ("id") ON DELETE CASCADE, CONSTRAINT "taggings_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags" ("id") ON DELETE CASCADE);
INSERT INTO "taggings__toasty_new" ("id", "post_id", "tag_id") SELECT "id", "post_id", "tag_id" FROM "taggings";
DROP TABLE "taggings";
ALTER TABLE "taggings__toasty_new" RENAME TO "taggings";
CREATE INDEX "taggings_post_id_idx" ON "taggings" ("post_id");
CREATE INDEX "taggings_tag_id_idx" ON "taggings" ("tag_id");
