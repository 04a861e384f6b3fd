-- undo of Toasty migration V3: add user post count

-- step 1: drop column users.post_count
ALTER TABLE `users` DROP COLUMN `post_count`;
