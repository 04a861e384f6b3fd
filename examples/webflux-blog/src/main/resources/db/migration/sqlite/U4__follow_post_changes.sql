-- undo of Toasty migration V4: follow post changes

-- step 1: stop following changes of posts
