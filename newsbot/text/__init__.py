"""Pure Arabic normalisers (no Scrapy imports): text, dates, bylines."""
