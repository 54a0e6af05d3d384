#!/usr/bin/python3
"""shoot-web-track.py URL CODE OUT.png: the public site's follow page at
phone size (390 x 844) in zh_CN, as a citizen reaches it: /track, the
receipt code typed in and sent (a POST: the code is never in a URL), the
whole page saved as OUT.png. Run by test-hq-web-track when
LIAISON_WEB_TRACK_SCREENSHOT names the file (docs/online.md)."""

import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def main():
    url, code, out = sys.argv[1:4]
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=390,844",
                "--lang=zh-CN", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url + "/track?lang=zh")
        driver.find_element(By.ID, "code").send_keys(code)
        driver.find_element(By.ID, "track-button").click()
        driver.find_element(By.ID, "rate-form")
        # The whole page, as tall as it is, at the phone's width.
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(390, max(844, height))
        driver.find_element(By.ID, "progress")
        driver.save_screenshot(out)
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
