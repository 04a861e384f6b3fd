-- undo of Toasty migration V1: create blog tables

-- step 1: drop table users
DROP TABLE `users`;

-- step 2: drop table tags
DROP TABLE `tags`;

-- step 3: drop table taggings
DROP TABLE `taggings`;

-- step 4: drop table posts
DROP TABLE `posts`;

-- step 5: drop table comments
DROP TABLE `comments`;
