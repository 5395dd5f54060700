// cvefeed web page: search, filters, sorting and "last checked" for index.html.
// Without this script the page still shows the full table. No inline code: the page's
// Content-Security-Policy allows only this file (script-src 'self').
(function () {
  "use strict";

  var table = document.getElementById("cves");
  var form = document.getElementById("filters");
  if (!table || !form) {
    return;
  }
  var tbody = table.tBodies[0];
  var count = document.getElementById("count");
  var noMatch = document.getElementById("no-match");
  var search = document.getElementById("q");
  var sortSelect = document.getElementById("f-sort");
  var FILTERS = ["status", "severity", "component", "year"];
  var STATUS_ORDER = { unfixed: 0, open: 1, fixed: 2, unknown: 3 };
  var DEFAULT_SORT = "published:desc";

  var rows = Array.prototype.map.call(tbody.rows, function (tr, index) {
    var id = tr.id;
    var summary = tr.cells[1] ? tr.cells[1].textContent : "";
    var score = tr.getAttribute("data-score");
    var match = /^CVE-(\d+)-(\d+)$/.exec(id) || [null, "0", "0"];
    return {
      tr: tr,
      index: index,
      text: (id + " " + summary).toLowerCase(),
      summary: summary,
      status: tr.getAttribute("data-status") || "",
      severity: tr.getAttribute("data-severity") || "",
      score: score === "" || score === null ? -1 : parseFloat(score),
      components: (tr.getAttribute("data-components") || "").split(",").filter(Boolean),
      year: tr.getAttribute("data-year") || "",
      published: tr.getAttribute("data-published") || "",
      idYear: parseInt(match[1], 10),
      idNumber: parseInt(match[2], 10)
    };
  });

  var COMPARE = {
    id: function (a, b) {
      return a.idYear - b.idYear || a.idNumber - b.idNumber;
    },
    summary: function (a, b) {
      return a.summary.localeCompare(b.summary, "en", { sensitivity: "base" });
    },
    status: function (a, b) {
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    },
    severity: function (a, b) {
      return a.score - b.score;
    },
    components: function (a, b) {
      return a.components.join(", ").localeCompare(b.components.join(", "), "en");
    },
    published: function (a, b) {
      return a.published < b.published ? -1 : a.published > b.published ? 1 : 0;
    }
  };

  function control(name) {
    return document.getElementById("f-" + name);
  }

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function matches(row, state) {
    var terms = words(state.q);
    for (var i = 0; i < terms.length; i++) {
      if (row.text.indexOf(terms[i]) < 0) {
        return false;
      }
    }
    return (
      (!state.status || row.status === state.status) &&
      (!state.severity || row.severity === state.severity) &&
      (!state.component || row.components.indexOf(state.component) >= 0) &&
      (!state.year || row.year === state.year)
    );
  }

  function currentState() {
    var state = { q: search.value.trim(), sort: sortSelect.value || DEFAULT_SORT };
    FILTERS.forEach(function (name) {
      state[name] = control(name).value;
    });
    return state;
  }

  function sortRows(sort) {
    var parts = sort.split(":");
    var compare = COMPARE[parts[0]] || COMPARE.published;
    var sign = parts[1] === "asc" ? 1 : -1;
    var sorted = rows.slice().sort(function (a, b) {
      // Ties keep the feed order (newest issue first), whatever the direction.
      return sign * compare(a, b) || a.index - b.index;
    });
    sorted.forEach(function (row) {
      tbody.appendChild(row.tr);
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute("data-sort") === parts[0]) {
        th.setAttribute("aria-sort", sign > 0 ? "ascending" : "descending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
  }

  function updateUrl(state) {
    var params = new URLSearchParams();
    if (state.q) {
      params.set("q", state.q);
    }
    FILTERS.forEach(function (name) {
      if (state[name]) {
        params.set(name, state[name]);
      }
    });
    if (state.sort !== DEFAULT_SORT) {
      params.set("sort", state.sort);
    }
    var query = params.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) {
      // Some file:// contexts refuse; filtering works without the shareable URL.
    }
  }

  function apply() {
    var state = currentState();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = matches(row, state);
      row.tr.hidden = !visible;
      if (visible) {
        shown++;
      }
    });
    sortRows(state.sort);
    count.textContent =
      shown === rows.length
        ? "Showing all " + rows.length + " CVEs"
        : "Showing " + shown + " of " + rows.length + " CVEs";
    noMatch.hidden = shown > 0;
    updateUrl(state);
  }

  function setOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) {
        select.value = value;
        return;
      }
    }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    search.value = params.get("q") || "";
    FILTERS.forEach(function (name) {
      setOption(control(name), params.get(name) || "");
    });
    setOption(sortSelect, params.get("sort") || DEFAULT_SORT);
  }

  function sortButtons() {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute("data-sort");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var current = sortSelect.value.split(":");
        var direction = current[0] === key && current[1] === "asc" ? "desc" : "asc";
        if (current[0] !== key && (key === "published" || key === "severity")) {
          direction = "desc";
        }
        setOption(sortSelect, key + ":" + direction);
        apply();
      });
    });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function (event) {
    event.preventDefault();
    search.value = "";
    FILTERS.forEach(function (name) {
      control(name).value = "";
    });
    sortSelect.value = DEFAULT_SORT;
    apply();
    search.focus();
  });

  sortButtons();
  restore();
  form.hidden = false;
  apply();
  lastChecked();

  // "Last checked": status.json is rewritten after every successful refresh, even when the feed
  // did not change (docs/web.md). Absent or unreadable: the page keeps saying "Last changed" only.
  function lastChecked() {
    var holder = document.getElementById("checked");
    if (!holder || !window.fetch) {
      return;
    }
    fetch(holder.getAttribute("data-status-url"), { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        var checked = status && Date.parse(status.checked_at);
        if (!checked) {
          holder.setAttribute("data-state", "absent");
          return;
        }
        var time = holder.querySelector("time");
        var staleAfter = (status.stale_after_seconds || 21600) * 1000;
        var age = Date.now() - checked;
        time.setAttribute("datetime", status.checked_at);
        time.textContent = status.checked_at.replace("T", " ").replace(/:\d\dZ$/, " UTC");
        time.title = ago(age);
        if (age > staleAfter) {
          var warning = document.createElement("strong");
          warning.className = "stale";
          warning.textContent = " (" + ago(age) + ": the feed may be out of date)";
          holder.appendChild(warning);
        }
        holder.hidden = false;
        holder.setAttribute("data-state", "shown");
      })
      .catch(function () {
        // No status file: nothing to add.
        holder.setAttribute("data-state", "absent");
      });
  }

  function ago(ms) {
    var minutes = Math.max(0, Math.round(ms / 60000));
    if (minutes < 120) {
      return minutes + " minutes ago";
    }
    var hours = Math.round(minutes / 60);
    return hours < 48 ? hours + " hours ago" : Math.round(hours / 24) + " days ago";
  }
})();
