"""Packaging for ``scrapyd-deploy`` (it builds the egg from this file when present).

Kept in the repository so the egg carries newsbot's data files: the given-name gazetteer
(``newsbot/text/data``) that the byline parser needs at run time, and the demo site.
"""

from setuptools import find_packages, setup

setup(
    name="newsbot",
    version="0.1.0",
    packages=find_packages(include=["newsbot", "newsbot.*"]),
    package_data={"newsbot": ["text/data/*.txt", "demo/site/**/*", "demo/site_updates/**/*"]},
    entry_points={"scrapy": ["settings = newsbot.settings"]},
    zip_safe=False,
)
