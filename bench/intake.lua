-- wrk script for the benchmark's closed-loop intake: every request is a new notification (its own trustReference),
-- and done() prints one line the benchmark reads: the 202s, the other answers and the latency percentiles.
-- Arguments after "--": the reference prefix (BENCH-<run id>), occurredOn, awareOn.
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix, occurred_on, aware_on = args[1], args[2], args[3]
  sequence, accepted, other_answers = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer local-trust-key"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sequence = sequence + 1
  local body = string.format([[{"trustReference": "%s-w%d-%d", "localAuthority": "E08000028",
 "incident": {"type": "DEATH", "occurredOn": "%s", "awareOn": "%s", "location": "IN_AREA",
              "abuseOrNeglect": "SUSPECTED", "summary": "Benchmark notification"},
 "children": [{"ageYears": 3, "sex": "FEMALE", "legalStatus": "NONE", "name": "Bench Child"}],
 "notifier": {"name": "Bench", "role": "Benchmark", "email": "bench@trust.example.org"}}]],
    prefix, thread_number, sequence, occurred_on, aware_on)
  return wrk.format(nil, "/api/v1/notifications", nil, body)
end

function response(status, headers, body)
  if status == 202 then
    accepted = accepted + 1
  else
    other_answers = other_answers + 1
  end
end

function done(summary, latency, requests)
  local all_accepted, all_others = 0, 0
  for _, thread in ipairs(threads) do
    all_accepted = all_accepted + thread:get("accepted")
    all_others = all_others + thread:get("other_answers")
  end
  local errors = summary.errors
  io.write(string.format("INTAKE accepted=%d others=%d socket_errors=%d micros=%d p50=%d p99=%d\n", all_accepted,
    all_others, errors.connect + errors.read + errors.write + errors.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
