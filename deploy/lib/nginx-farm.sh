# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# Sourced by the benchmarks: serve a folder with nginx on loopback addresses only.
#   start_farm_server WORK ROOT PORT HOSTS   listens on 127.0.0.1..127.0.0.HOSTS:PORT; sets nginx_pid

start_farm_server() {
    local work=$1 root=$2 port=$3 hosts=$4 listen="" h
    command -v nginx >/dev/null || {
        local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
        echo "bench: installing nginx-light (the static server)"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null
    }
    for ((h = 1; h <= hosts; h++)); do listen+="        listen 127.0.0.$h:$port;"$'\n'; done
    cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types { application/rss+xml xml; }
    server {
$listen        root $root;
        etag on;
        if_modified_since exact;
    }
}
CONF
    timeout 1800 nginx -c "$work/nginx.conf" -p "$work" &
    nginx_pid=$!
    sleep 0.5
}
