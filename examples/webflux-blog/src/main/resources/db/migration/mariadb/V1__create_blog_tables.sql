-- Toasty migration V1: create blog tables

-- step 1: create table comments
CREATE TABLE `comments` (`id` BIGINT AUTO_INCREMENT NOT NULL, `post_id` BIGINT NOT NULL, `body` LONGTEXT NOT NULL, CONSTRAINT `comments_pkey` PRIMARY KEY (`id`), KEY `comments_post_id_idx` (`post_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- step 2: create table posts
CREATE TABLE `posts` (`id` BIGINT AUTO_INCREMENT NOT NULL, `author_id` BIGINT NOT NULL, `title` LONGTEXT NOT NULL, `body` LONGTEXT NOT NULL, `published` BOOLEAN NOT NULL, CONSTRAINT `posts_pkey` PRIMARY KEY (`id`), KEY `posts_author_id_idx` (`author_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- step 3: create table taggings
CREATE TABLE `taggings` (`id` BIGINT AUTO_INCREMENT NOT NULL, `post_id` BIGINT NOT NULL, `tag_id` BIGINT NOT NULL, CONSTRAINT `taggings_pkey` PRIMARY KEY (`id`), KEY `taggings_post_id_idx` (`post_id`), KEY `taggings_tag_id_idx` (`tag_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- step 4: create table tags
CREATE TABLE `tags` (`id` BIGINT AUTO_INCREMENT NOT NULL, `label` VARCHAR(255) NOT NULL, CONSTRAINT `tags_pkey` PRIMARY KEY (`id`), UNIQUE KEY `tags_label_key` (`label`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- step 5: create table users
CREATE TABLE `users` (`id` BIGINT AUTO_INCREMENT NOT NULL, `name` LONGTEXT NOT NULL, `email` VARCHAR(255) NOT NULL, CONSTRAINT `users_pkey` PRIMARY KEY (`id`), UNIQUE KEY `users_email_key` (`email`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
