// bannerkit preview: fill each tile from /info and /render, and refresh on file changes (/events).
"use strict";
let version = 0;

function query() {
  const params = new URLSearchParams();
  const text = document.getElementById("text").value.trim();
  if (text) params.set("text", text); else params.set("slogan", document.getElementById("slogan").value);
  // Render options given in the page's address (?led_colors=red&dpi=40) apply to every tile.
  const page = new URLSearchParams(window.location.search);
  for (const name of document.body.dataset.options.split(",")) {
    if (page.get(name)) params.set(name, page.get(name));
  }
  const theme = document.getElementById("theme").value;
  if (theme) params.set("theme", theme); else params.delete("theme");
  return params;
}

async function fill(tile) {
  const layout = document.getElementById("layout").value;
  const size = encodeURIComponent(tile.dataset.size);
  const params = query();
  const error = tile.querySelector(".error"), img = tile.querySelector("img");
  const reply = await fetch(`/info/${layout}/${size}?${params}`);
  const info = await reply.json();
  if (!reply.ok) {
    error.textContent = info.error; error.hidden = false; img.hidden = true;
    tile.dataset.state = "error";
    return;
  }
  error.hidden = true; img.hidden = false;
  tile.querySelector(".dims").textContent =
    `${info.label} · ${info.width_mm} × ${info.height_mm} mm · ${info.width_px} × ${info.height_px} px`;
  tile.dataset.previewWidth = info.preview_px[0]; tile.dataset.previewHeight = info.preview_px[1];
  tile.dataset.widthPx = info.width_px; tile.dataset.heightPx = info.height_px;
  img.onload = () => { tile.dataset.state = "loaded"; tile.dataset.version = version; };
  img.src = `/render/${layout}/${size}.png?${params}&preview=1&v=${version}`;
  tile.querySelector("a.png").href = `/render/${layout}/${size}.png?${params}`;
  tile.querySelector("a.pdf").href = `/render/${layout}/${size}.pdf?${params}`;
}

function refresh() {
  document.querySelectorAll(".tile").forEach(tile => { tile.dataset.state = "loading"; fill(tile); });
}

function rebuild() {
  const url = new URL(window.location);
  const params = query();
  params.set("layout", document.getElementById("layout").value);
  params.set("sizes", document.getElementById("sizes").value.split(",").map(s => s.trim()).filter(Boolean).join(","));
  if (url.search.slice(1) !== params.toString()) { window.location.search = params.toString(); return; }
  refresh();
}

document.querySelectorAll("#slogan, #layout, #theme, #text, #sizes").forEach(el => el.addEventListener("change", rebuild));
const events = new EventSource("/events");
events.addEventListener("hello", e => { version = Number(e.data); document.getElementById("status").textContent = "trực tiếp"; });
events.addEventListener("change", e => {
  const change = JSON.parse(e.data);
  version = change.version;
  document.getElementById("status").textContent = `cập nhật: ${change.files.join(", ")}`;
  refresh();
});
refresh();
