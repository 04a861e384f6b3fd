-- undo of Toasty migration V4: follow post changes

-- step 1: stop following changes of posts
DROP TRIGGER IF EXISTS toasty_changes ON "posts";
