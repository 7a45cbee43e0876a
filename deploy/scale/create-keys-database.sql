-- The key store is a database of its own (docs/decisions/0009), on the same server here.
CREATE DATABASE rekindle_keys OWNER rekindle;
