-- Toasty migration V1: create blog tables

-- step 1: create table comments
CREATE TABLE "comments" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" INTEGER NOT NULL CONSTRAINT "comments_post_id_range" CHECK ("post_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "body" TEXT NOT NULL);
CREATE INDEX "comments_post_id_idx" ON "comments" ("post_id");

-- step 2: create table posts
CREATE TABLE "posts" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "author_id" INTEGER NOT NULL CONSTRAINT "posts_author_id_range" CHECK ("author_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "title" TEXT NOT NULL, "body" TEXT NOT NULL, "published" BOOLEAN NOT NULL);
CREATE INDEX "posts_author_id_idx" ON "posts" ("author_id");

-- step 3: create table taggings
CREATE TABLE "taggings" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "post_id" INTEGER NOT NULL CONSTRAINT "taggings_post_id_range" CHECK ("post_id" BETWEEN -9223372036854775808 AND 9223372036854775807), "tag_id" INTEGER NOT NULL CONSTRAINT "taggings_tag_id_range" CHECK ("tag_id" BETWEEN -9223372036854775808 AND 9223372036854775807));
CREATE INDEX "taggings_post_id_idx" ON "taggings" ("post_id");
CREATE INDEX "taggings_tag_id_idx" ON "taggings" ("tag_id");

-- step 4: create table tags
CREATE TABLE "tags" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "label" TEXT NOT NULL);
CREATE UNIQUE INDEX "tags_label_key" ON "tags" ("label");

-- step 5: create table users
CREATE TABLE "users" ("id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "name" TEXT NOT NULL, "email" TEXT NOT NULL);
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
