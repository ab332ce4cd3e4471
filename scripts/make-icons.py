#!/usr/bin/env python3
"""Makes the Windows and macOS icons from the PNG icons, with the standard
library only:

  assets/icon.ico   16, 32 and 48 px as 32-bit BMP images (read by every
                    Windows version and every resource compiler), 256 px as
                    PNG (the form Windows uses for that size)
  assets/icon.icns  PNG entries icp4 (16), icp5 (32), ic11 (16@2x), ic12
                    (32@2x), ic07 (128), ic13 (128@2x), ic08 (256),
                    ic14 (256@2x) and ic09 (512)

Sizes below 256 are box-filtered (exact area average, on premultiplied alpha)
from assets/icon-512.png; 256 and 512 are the PNG files as they are.

Run from anywhere: python3 scripts/make-icons.py
"""

import struct
import sys
import zlib
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def read_png(data):
    """Decodes an 8-bit RGBA or RGB, non-interlaced PNG into (width, height,
    rows), each row a bytearray of RGBA bytes."""
    if data[:8] != PNG_SIGNATURE:
        raise ValueError("not a PNG file")
    pos = 8
    idat = bytearray()
    width = height = None
    channels = None
    while pos < len(data):
        (length, kind) = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace != 0:
                raise ValueError("only 8-bit RGB/RGBA non-interlaced PNGs are supported")
            channels = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    rows = []
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1 : pos + 1 + stride])
        pos += 1 + stride
        bpp = channels
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        elif kind != 0:
            raise ValueError(f"bad PNG filter {kind}")
        prev = line
        if channels == 3:
            rgba = bytearray()
            for i in range(0, stride, 3):
                rgba += line[i : i + 3] + b"\xff"
            rows.append(rgba)
        else:
            rows.append(line)
    return width, height, rows


def write_png(width, height, rows):
    """Encodes RGBA rows as an 8-bit RGBA PNG."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    return (
        PNG_SIGNATURE
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def weights(src, dst):
    """For each output index, the (source index, weight) pairs of an exact
    area average from src samples down to dst samples."""
    scale = src / dst
    out = []
    for o in range(dst):
        lo, hi = o * scale, (o + 1) * scale
        taps = []
        i = int(lo)
        while i < hi and i < src:
            w = min(hi, i + 1) - max(lo, i)
            if w > 1e-9:
                taps.append((i, w / scale))
            i += 1
        out.append(taps)
    return out


def downscale(width, height, rows, size):
    """Box-filters RGBA rows to size x size, averaging premultiplied colour."""
    # Premultiplied floats, one list per row: [r, g, b, a, r, g, b, a, ...].
    pre = []
    for row in rows:
        line = []
        for x in range(width):
            r, g, b, a = row[4 * x : 4 * x + 4]
            f = a / 255.0
            line += (r * f, g * f, b * f, float(a))
        pre.append(line)
    wx = weights(width, size)
    wy = weights(height, size)
    horiz = []
    for line in pre:
        out = []
        for taps in wx:
            acc = [0.0, 0.0, 0.0, 0.0]
            for i, w in taps:
                base = 4 * i
                for c in range(4):
                    acc[c] += line[base + c] * w
            out += acc
        horiz.append(out)
    result = []
    for taps in wy:
        row = bytearray()
        for x in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for j, w in taps:
                src = horiz[j]
                for c in range(4):
                    acc[c] += src[4 * x + c] * w
            a = acc[3]
            if a <= 0.0:
                row += b"\x00\x00\x00\x00"
                continue
            color = [min(255, max(0, round(v * 255.0 / a))) for v in acc[:3]]
            row += bytes(color + [min(255, max(0, round(a)))])
        result.append(row)
    return result


def bmp_dib(size, rows):
    """A 32-bit BGRA DIB for an ICO entry: header with doubled height, pixels
    bottom-up, then a 1-bit AND mask (1 where fully transparent)."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    for row in reversed(rows):
        for x in range(size):
            r, g, b, a = row[4 * x : 4 * x + 4]
            pixels += bytes((b, g, r, a))
    mask_stride = ((size + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        line = bytearray(mask_stride)
        for x in range(size):
            if row[4 * x + 3] == 0:
                line[x // 8] |= 0x80 >> (x % 8)
        mask += line
    return header + bytes(pixels) + bytes(mask)


def make_ico(entries):
    """entries: list of (size, image bytes), image bytes a DIB or a PNG."""
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    directory = b""
    blobs = b""
    for size, blob in entries:
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return out + directory + blobs


def make_icns(entries):
    """entries: list of (four-character type, PNG bytes)."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(png)) + png for kind, png in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    png256 = (ASSETS / "icon-256.png").read_bytes()
    png512 = (ASSETS / "icon-512.png").read_bytes()
    w, h, rows512 = read_png(png512)
    if (w, h) != (512, 512):
        sys.exit(f"icon-512.png is {w}x{h}, not 512x512")
    w, h, _ = read_png(png256)
    if (w, h) != (256, 256):
        sys.exit(f"icon-256.png is {w}x{h}, not 256x256")

    small = {size: downscale(512, 512, rows512, size) for size in (16, 32, 48, 64, 128)}
    small_png = {size: write_png(size, size, rows) for size, rows in small.items()}

    ico = make_ico(
        [
            (16, bmp_dib(16, small[16])),
            (32, bmp_dib(32, small[32])),
            (48, bmp_dib(48, small[48])),
            (256, png256),
        ]
    )
    (ASSETS / "icon.ico").write_bytes(ico)

    icns = make_icns(
        [
            ("icp4", small_png[16]),
            ("icp5", small_png[32]),
            ("ic11", small_png[32]),
            ("ic12", small_png[64]),
            ("ic07", small_png[128]),
            ("ic13", png256),
            ("ic08", png256),
            ("ic14", png512),
            ("ic09", png512),
        ]
    )
    (ASSETS / "icon.icns").write_bytes(icns)
    print(f"wrote {ASSETS / 'icon.ico'} ({len(ico)} bytes) and {ASSETS / 'icon.icns'} ({len(icns)} bytes)")


if __name__ == "__main__":
    main()
