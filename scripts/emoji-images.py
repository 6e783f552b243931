#!/usr/bin/env python3
"""Makes the colour emoji images and their names that the Swing client ships.

Java draws only outline fonts, so a colour emoji font shows as monochrome glyphs or nothing,
and differently on every desktop. The client therefore draws emoji from PNG images of its own.
This script makes them; its output is committed, so building the client needs none of this.

Input (Debian packages, installed once by a developer who changes the set):
    apt-get install -y fonts-noto-color-emoji python3-fonttools python3-pil unicode-cldr-core
  - Noto Color Emoji (SIL Open Font License 1.1): PNG bitmaps in its CBDT table, ~136x128.
  - Unicode CLDR annotations: the short name of each emoji in English and Chinese.

The set: every emoji in the EMOJI array of chat-client-swing's ui/EmojiPicker.java (what the
picker offers), then EXTRAS below (other common emoji people paste or type), ~400 in all.
Each emoji's code point sequence goes through the font's cmap and its GSUB ligatures (ZWJ
sequences, flags, keycaps); U+FE0F is dropped first, as the font and CLDR both key emoji
without it. The bitmap is padded to a square (aspect kept) and scaled to SIZE pixels, enough
for a 20 px line on a 200% screen; the client scales it down to the line height.

Output, in chat-client-swing/src/main/resources/org/qchat/client/emoji/:
    <code points in hex, joined by '-', without fe0f>.png   e.g. 1f44d.png, 1f468-200d-1f469-200d-1f467.png
    index.txt        one emoji per line: its key, in the order above (the picker's first)
    names_en.txt     key<TAB>name (CLDR English short name)
    names_zh.txt     key<TAB>name (CLDR Chinese short name)
    OFL.txt          the font's licence, which its images stay under

Run from the repository root:   python3 scripts/emoji-images.py
Uses /usr/bin/python3 because that is where Debian's python3-fonttools and python3-pil live.
"""
import io
import os
import re
import sys
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont
from PIL import Image

FONT = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"
FONT_COPYRIGHT = "/usr/share/doc/fonts-noto-color-emoji/copyright"
CLDR = "/usr/share/unicode/cldr/common"
PICKER = "chat-client-swing/src/main/java/org/qchat/client/ui/EmojiPicker.java"
OUT = "chat-client-swing/src/main/resources/org/qchat/client/emoji"
SIZE = 64

# Common emoji beyond the picker's grid. Write them as people type them (with FE0F where usual).
EXTRAS = """
😗 😚 🥰 🤩 🥳 🤪 🤨 🧐 🤑 🤭 🤫 😶 😯 🥺 🥱 🤐 🥴 🤮 🥵 🥶
🤯 🤠 🤡 👽 👾 💩 😺 😸 😹 😻 🙈 🙉 🙊
👊 ✊ 🤞 🤟 🤘 🤙 👈 👉 👆 👇 ☝️ ✋ 🖐️ 🫶 🤲 ✍️ 👀 🧠 🫡 🫠 🤌
👶 👦 👧 👨 👩 👴 👵 🙋 🙅 🙆 🤷 🤦 🙇 🏃 💃
👨‍👩‍👧 👨‍👩‍👧‍👦 👪 👫 💑 💏 🧑‍🤝‍🧑 👩‍💻 👨‍💻 🧑‍💻 👩‍🎓 👨‍🍳 👩‍⚕️ 🧑‍🚀 🤷‍♂️ 🤷‍♀️ 🤦‍♂️ 🤦‍♀️ 🙋‍♂️ 🙋‍♀️ 🏃‍♂️ 🏃‍♀️
🧡 💛 💚 💙 💜 🤎 🖤 🤍 ❤️‍🔥 ❤️‍🩹 💖 💗 💓 💞 💘 💝 ❣️ 💋 💌
💢 💥 💫 💦 💨 💬 💭 🆗 🆕 🆘 🚫 ⛔ ⚠️ ♻️ ✔️ ☑️ ➕ ➖ ⭕ 🔴 🟢 🔵
🐭 🐰 🦊 🐻 🐼 🐨 🐯 🦁 🐷 🐸 🐵 🐔 🐧 🦄 🐝 🦋 🐢 🐬 🐳 🐾
🌸 💐 🌷 🌻 🍀 🌱 🌲 🍁 🌏 🌟 ✨ ☁️ ⛅ 🌧️ ⛄ 🌊
🍎 🍊 🍋 🍌 🍉 🍇 🍓 🍑 🍔 🍟 🍕 🍣 🍱 🥟 🍚 🍦 🍩 🍫 🧋 🍵 🥂 🍷
⚽ 🏀 🏓 🏸 🏆 🥇 🏅 🎮 🎯 🎵 🎶 🎤 🎧 🎸 🎈 🎊 🎄 🧧 🏮 🎆
🚗 🚕 🚄 ✈️ 🚀 🚲 🏠 🏢 🏥 🏫
⌚ 📱 💻 ⌨️ 📷 📺 ⏰ ⏳ 🔋 💰 💳 💎 🔑 🔒 🔔 📌 📎 ✂️ 📝 📚 📅 📈 📦 ✉️ 📞 🔍 🔗 💊 🛒
0️⃣ 1️⃣ 2️⃣ 3️⃣ 4️⃣ 5️⃣ 6️⃣ 7️⃣ 8️⃣ 9️⃣ 🔟 #️⃣ *️⃣
🇨🇳 🇭🇰 🇲🇴 🇹🇼 🇯🇵 🇰🇷 🇸🇬 🇺🇸 🇬🇧 🇫🇷 🇩🇪 🇮🇹 🇪🇸 🇷🇺 🇨🇦 🇦🇺 🇮🇳 🇧🇷 🏳️‍🌈 🏁 🚩 🎌 🏴 🏳️
"""


def key_of(emoji):
    """The file and lookup key: code points without U+FE0F, in hex, joined by '-'."""
    return "-".join("%x" % ord(c) for c in emoji if c != "\ufe0f")


def picker_emoji():
    with open(PICKER, encoding="utf-8") as f:
        source = f.read()
    block = re.search(r"EMOJI\s*=\s*\{(.*?)\};", source, re.S)
    if not block:
        sys.exit("no EMOJI array in " + PICKER)
    return re.findall(r'"([^"]+)"', block.group(1))


def ligatures(font):
    """(first glyph, rest glyphs...) -> ligature glyph, from every ligature lookup of GSUB."""
    table = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            if lookup.LookupType == 7:
                sub = sub.ExtSubTable
            if sub.__class__.__name__ != "LigatureSubst":
                continue
            for first, ligs in sub.ligatures.items():
                for lig in ligs:
                    table.setdefault((first, *lig.Component), lig.LigGlyph)
    return table


def glyph_of(emoji, cmap, ligs):
    glyphs = [cmap.get(ord(c)) for c in emoji if c != "\ufe0f"]
    if None in glyphs:
        return None
    if len(glyphs) == 1:
        return glyphs[0]
    return ligs.get(tuple(glyphs))


def square(png_bytes):
    image = Image.open(io.BytesIO(png_bytes)).convert("RGBA")
    side = max(image.size)
    canvas = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    canvas.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    return canvas.resize((SIZE, SIZE), Image.LANCZOS)


def names(language):
    """key -> CLDR short name, from the plain and the derived (sequences) annotations."""
    result = {}
    for folder in ("annotations", "annotationsDerived"):
        root = ET.parse(os.path.join(CLDR, folder, language + ".xml")).getroot()
        for a in root.iter("annotation"):
            if a.get("type") == "tts":
                result.setdefault(key_of(a.get("cp")), a.text.strip())
    return result


def ofl_text():
    """The SIL OFL 1.1 as Debian's copyright file quotes it (lines indented one space, '.' for blank)."""
    with open(FONT_COPYRIGHT, encoding="utf-8") as f:
        text = f.read()
    start = text.index("License:   SIL-1.1\n", text.index("Files:"))
    start = text.index("License:   SIL-1.1\n", start + 1)  # the stand-alone licence paragraph
    body = text[start:].split("\n")[1:]
    lines = []
    for line in body:
        if line and not line.startswith(" "):
            break
        line = line[1:]
        lines.append("" if line == "." else line)
    header = "Noto Color Emoji, Copyright 2013-2017 Google Inc.\n" \
             "The PNG images in this folder are taken from its bitmaps and stay under this licence.\n\n"
    return header + "\n".join(lines).rstrip() + "\n"


def main():
    font = TTFont(FONT)
    cmap = font.getBestCmap()
    ligs = ligatures(font)
    bitmaps = font["CBDT"].strikeData[0]
    wanted = picker_emoji() + EXTRAS.split()
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".png"):
            os.remove(os.path.join(OUT, old))
    en, zh = names("en"), names("zh")
    keys, missing = [], []
    for emoji in wanted:
        key = key_of(emoji)
        if key in keys:
            continue
        glyph = glyph_of(emoji, cmap, ligs)
        if glyph is None or glyph not in bitmaps:
            missing.append(emoji)
            continue
        square(bitmaps[glyph].imageData).save(os.path.join(OUT, key + ".png"), optimize=True)
        keys.append(key)
    with open(os.path.join(OUT, "index.txt"), "w", encoding="utf-8") as f:
        f.write("# Emoji with an image here, one key per line (see scripts/emoji-images.py).\n")
        f.writelines(k + "\n" for k in keys)
    for language, table in (("en", en), ("zh", zh)):
        with open(os.path.join(OUT, "names_" + language + ".txt"), "w", encoding="utf-8") as f:
            f.write("# Emoji names from Unicode CLDR annotations (Unicode License); key<TAB>name.\n")
            f.writelines("%s\t%s\n" % (k, table[k]) for k in keys if k in table)
    with open(os.path.join(OUT, "OFL.txt"), "w", encoding="utf-8") as f:
        f.write(ofl_text())
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print("%d images, %d KiB in %s" % (len(keys), total // 1024, OUT))
    if missing:
        sys.exit("not in the font: " + " ".join(missing))


if __name__ == "__main__":
    main()
