#!/usr/bin/python3
"""Read the viewer's map the way a screen reader does, over AT-SPI.

Run by tests/e2e_gui.rs (`a_screen_reader_reads_each_place_and_its_controller_over_at_spi`) inside
`dbus-run-session`, with DISPLAY set to a private Xvfb:

    /usr/bin/python3 read_map.py KEY... -- VIEWER ARGS...

It asks the session bus for the AT-SPI bus, which starts exactly one
at-spi-bus-launcher by D-Bus activation (a second launcher of our own
would race it for the bus's socket), turns accessibility on
(org.a11y.Status IsEnabled and ScreenReaderEnabled, which AccessKit
watches), points both itself and the viewer at that one bus address
(AT_SPI_BUS_ADDRESS), waits for the registry to answer, starts the viewer,
finds the node named "Map" in the viewer's tree and reads the names and
roles of its children; then presses each KEY in turn in the window
(xdotool) and reads them again once they have changed. It prints one line,
`reads-json: ` and a JSON object {"reads": [[...], ...], "app": NAME}, one
read before the keys and one after each (the bus's services, started by
D-Bus activation, share this stdout and print their own lines), and exits non-zero with a reason on stderr when any part
of this cannot be done: what it last saw, the applications on the bus and
the end of the viewer's own error output.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

# What the script was doing and what it last saw, for the failure message.
CONTEXT = {"viewer": None, "log": None, "last_error": None}


def fail(msg):
    lines = ["read_map.py: " + msg]
    if CONTEXT["last_error"]:
        lines.append("  last error: " + CONTEXT["last_error"])
    lines.append("  applications on the AT-SPI bus: " + applications())
    viewer = CONTEXT["viewer"]
    if viewer is not None:
        code = viewer.poll()
        lines.append("  the viewer: " + ("still running" if code is None
                                         else "exited with " + str(code)))
    if CONTEXT["log"] is not None:
        CONTEXT["log"].seek(0)
        tail = CONTEXT["log"].read().decode("utf-8", "replace")[-4000:]
        lines.append("  the viewer's stderr (end):\n" + tail)
    print("\n".join(lines), file=sys.stderr)
    sys.exit(2)


def applications():
    if "pyatspi" not in sys.modules:
        return "(pyatspi not loaded yet)"
    try:
        desktop = sys.modules["pyatspi"].Registry.getDesktop(0)
        names = [desktop.getChildAtIndex(i).name
                 for i in range(desktop.childCount)]
        return json.dumps(names)
    except Exception as e:  # the bus itself is what failed
        return "(cannot list: %r)" % e


def main():
    if "--" not in sys.argv:
        fail("usage: read_map.py KEY... -- VIEWER ARGS...")
    sep = sys.argv.index("--")
    keys = sys.argv[1:sep]
    viewer = sys.argv[sep + 1:]
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        fail("/usr/libexec/at-spi-bus-launcher is missing "
             "(Debian: apt-get install at-spi2-core)")
    for prop in ("IsEnabled", "ScreenReaderEnabled"):
        dbus_send(["org.freedesktop.DBus.Properties.Set",
                   "string:org.a11y.Status", "string:" + prop,
                   "variant:boolean:true"], "turning on " + prop)
    address = a11y_bus_address()
    # libatspi would otherwise prefer the X root window's AT_SPI_BUS
    # property, AccessKit the session bus: one address for both.
    os.environ["AT_SPI_BUS_ADDRESS"] = address
    import pyatspi  # only after the bus is up and named

    wait_for(lambda: pyatspi.Registry.getDesktop(0).childCount >= 0, 30,
             "the AT-SPI registry on " + address)
    log = tempfile.TemporaryFile()
    CONTEXT["log"] = log
    app = subprocess.Popen(viewer, stdout=subprocess.DEVNULL, stderr=log)
    CONTEXT["viewer"] = app
    try:
        map_node = wait_for(lambda: running(app) and find_map(pyatspi), 60,
                            "the node named Map")
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
        print("reads-json: " + json.dumps({"reads": reads,
                                           "app": map_node.getApplication().name}))
    finally:
        app.kill()
        app.wait()


def running(app):
    """True while the viewer runs; fails at once when it has exited."""
    if app.poll() is not None:
        fail("the viewer exited before its map could be read")
    return True


def dbus_send(args, what):
    r = subprocess.run(
        ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
         "/org/a11y/bus"] + args, capture_output=True, text=True)
    if r.returncode != 0:
        fail(what + ": dbus-send: " + r.stderr.strip())
    return r.stdout


def a11y_bus_address():
    """The AT-SPI bus's address, once org.a11y.Bus (started on demand by
    the session bus) answers with one."""
    start = time.time()
    while time.time() - start < 20:
        r = subprocess.run(
            ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
             "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
            capture_output=True, text=True)
        if r.returncode == 0 and '"' in r.stdout:
            address = r.stdout.split('"')[1]
            if address:
                return address
        CONTEXT["last_error"] = (r.stderr or r.stdout).strip()
        time.sleep(0.2)
    fail("the AT-SPI bus (org.a11y.Bus) gave no address")


def wait_for(probe, secs, what):
    start = time.time()
    while time.time() - start < secs:
        try:
            got = probe()
        except Exception as e:  # the tree changes under us while it is read
            CONTEXT["last_error"] = repr(e)
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
