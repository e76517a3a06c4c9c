#!/usr/bin/python3
"""Read the viewer's map the way a screen reader does, over AT-SPI.

Run by tests/e2e_gui.rs (`the_map_reads_out_over_at_spi_...`) inside
`dbus-run-session`, with DISPLAY set to a private Xvfb:

    /usr/bin/python3 read_map.py KEY... -- VIEWER ARGS...

It starts the AT-SPI bus (at-spi-bus-launcher), turns accessibility on
(org.a11y.Status IsEnabled and ScreenReaderEnabled, which AccessKit
watches), starts the viewer, finds the node named "Map" in the viewer's
tree and reads the names and roles of its children; then presses each KEY
in turn in the window (xdotool) and reads them again once they have
changed. It prints one JSON object: {"reads": [[...], ...], "app": NAME},
one read before the keys and one after each, and exits non-zero with a
reason on stderr when any part of this cannot be done.
"""

import json
import os
import subprocess
import sys
import time


def fail(msg):
    print("read_map.py: " + msg, file=sys.stderr)
    sys.exit(2)


def main():
    if "--" not in sys.argv:
        fail("usage: read_map.py KEY... -- VIEWER ARGS...")
    sep = sys.argv.index("--")
    keys = sys.argv[1:sep]
    viewer = sys.argv[sep + 1:]
    launcher = "/usr/libexec/at-spi-bus-launcher"
    if not os.path.exists(launcher):
        fail(launcher + " is missing (Debian: apt-get install at-spi2-core)")
    bus = subprocess.Popen([launcher, "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        wait_for_bus()
        for prop in ("IsEnabled", "ScreenReaderEnabled"):
            subprocess.run(
                ["dbus-send", "--session", "--print-reply",
                 "--dest=org.a11y.Bus", "/org/a11y/bus",
                 "org.freedesktop.DBus.Properties.Set",
                 "string:org.a11y.Status", "string:" + prop,
                 "variant:boolean:true"],
                check=True, stdout=subprocess.DEVNULL)
        import pyatspi  # only after the bus is up

        app = subprocess.Popen(viewer, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
        map_node = wait_for(lambda: find_map(pyatspi), 60, "the node named Map")
        wait_for(lambda: children_names(map_node, 8), 30,
                 "the places inside the map")
        reads = [settled(map_node)]
        window = xdotool(["search", "--sync", "--onlyvisible", "--name",
                          "^karabakh-atlas"]).split()[0]
        xdotool(["windowfocus", "--sync", window])
        for key in keys:
            xdotool(["key", "--window", window, key])
            last = reads[-1]
            wait_for(lambda: changed(children_names(map_node, 8), last), 30,
                     "the map's nodes to change after " + key)
            reads.append(settled(map_node))
        print(json.dumps({"reads": reads,
                          "app": map_node.getApplication().name}))
    finally:
        if app is not None:
            app.kill()
            app.wait()
        bus.terminate()
        bus.wait()


def wait_for_bus():
    """Until org.a11y.Bus answers on the session bus."""
    start = time.time()
    while time.time() - start < 20:
        r = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
             "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode == 0:
            return
        time.sleep(0.2)
    fail("the AT-SPI bus (org.a11y.Bus) did not start")


def wait_for(probe, secs, what):
    start = time.time()
    while time.time() - start < secs:
        try:
            got = probe()
        except Exception:  # the tree changes under us while it is read
            got = None
        if got:
            return got
        time.sleep(0.3)
    fail("gave up waiting for " + what)


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    for i in range(node.childCount):
        yield from walk(node.getChildAtIndex(i), depth + 1)


def find_map(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        for node in walk(app):
            if node.name == "Map":
                return node
    return None


def children_names(node, at_least):
    node.clear_cache()
    names = []
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        child.clear_cache()
        names.append({"name": child.name, "role": child.getRoleName()})
    return names if len(names) >= at_least else None


def settled(map_node):
    """The map's children once two reads half a second apart agree (the
    names of one update arrive as separate events)."""
    last = None
    start = time.time()
    while time.time() - start < 20:
        now = children_names(map_node, 8)
        if now and now == last:
            return now
        last = now
        time.sleep(0.5)
    fail("the map's nodes kept changing")


def changed(now, before):
    return now if now and now != before else None


def xdotool(args):
    r = subprocess.run(["xdotool"] + args, capture_output=True, text=True)
    if r.returncode != 0:
        fail("xdotool " + " ".join(args) + ": " + r.stderr.strip())
    return r.stdout


if __name__ == "__main__":
    main()
