/* 在线访谈: while an interview is announced or live, ask the server every few seconds for record entries after
   the last one shown and append them. Conditional GET: the ETag of the last answer is sent back, so an
   unchanged record costs a 304 with no body. Without JavaScript the page itself shows the full record. */
(function () {
  "use strict";
  var section = document.querySelector("[data-interview-live]");
  if (!section || !window.fetch) { return; }
  var list = section.querySelector("[data-record-list]");
  var stateLabel = document.querySelector("[data-interview-state-label]");
  var url = section.getAttribute("data-interview-live");
  var last = parseInt(section.getAttribute("data-last-position"), 10) || 0;
  var seconds = parseInt(section.getAttribute("data-poll-seconds"), 10) || 5;
  var etag = null;

  function append(entry) {
    if (entry.position <= last) { return; }
    var empty = list.querySelector("[data-record-empty]");
    if (empty) { empty.parentNode.removeChild(empty); }
    var item = document.createElement("li");
    item.className = "record-entry record-" + entry.kind;
    item.setAttribute("data-position", entry.position);
    var speaker = document.createElement("p");
    speaker.className = "record-speaker";
    speaker.textContent = entry.speaker;
    var text = document.createElement("p");
    text.className = "record-text";
    text.textContent = entry.text;
    item.appendChild(speaker);
    item.appendChild(text);
    list.appendChild(item);
    last = entry.position;
  }

  function poll() {
    var headers = { "Accept": "application/json" };
    if (etag) { headers["If-None-Match"] = etag; }
    fetch(url + "?after=" + last, { headers: headers, cache: "no-store", credentials: "omit" })
      .then(function (response) {
        if (response.status === 304) { return null; }
        if (!response.ok) { throw new Error(response.status); }
        etag = response.headers.get("ETag");
        return response.json();
      })
      .then(function (data) {
        if (data) {
          data.entries.forEach(append);
          if (stateLabel) { stateLabel.textContent = data.state_label; }
          if (data.state === "archived") { return; }
        }
        window.setTimeout(poll, seconds * 1000);
      })
      .catch(function () { window.setTimeout(poll, seconds * 4000); });
  }
  window.setTimeout(poll, seconds * 1000);
}());
