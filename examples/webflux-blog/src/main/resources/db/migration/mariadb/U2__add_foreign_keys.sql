-- undo of Toasty migration V2: add foreign keys

-- step 1: drop foreign key taggings_tag_id_fkey (taggings -> tags)
ALTER TABLE `taggings` DROP FOREIGN KEY `taggings_tag_id_fkey`;

-- step 2: drop foreign key taggings_post_id_fkey (taggings -> posts)
ALTER TABLE `taggings` DROP FOREIGN KEY `taggings_post_id_fkey`;

-- step 3: drop foreign key posts_author_id_fkey (posts -> users)
ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fkey`;

-- step 4: drop foreign key comments_post_id_fkey (comments -> posts)
ALTER TABLE `comments` DROP FOREIGN KEY `comments_post_id_fkey`;
