#!/bin/sh
# Installs PostgreSQL from Debian's packages, starts it on loopback only and creates a database for the store
# test suite. Run as root on a fresh Debian machine; source it (. .ci/postgres.sh) to get MARSAD_TEST_POSTGRES
# exported, or run it and read the URL it prints last.
set -eu

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main "; then
	pg_createcluster "$version" main >/dev/null
fi
# Loopback only: the test database must not be reachable from the network.
conf=/etc/postgresql/$version/main
pg_conftool "$version" main remove listen_addresses || true
mkdir -p "$conf/conf.d"
printf "listen_addresses = '127.0.0.1'\nport = 5432\n" >"$conf/conf.d/marsad-loopback.conf"
if ! pg_lsclusters -h | grep -q "^$version main 5432 online"; then
	pg_ctlcluster "$version" main start
fi
for i in $(seq 1 30); do
	pg_isready -q -h 127.0.0.1 -p 5432 && break
	sleep 1
done

password=marsad-test
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marsad') THEN
		CREATE ROLE marsad LOGIN PASSWORD '$password';
	END IF;
END \$\$;
SQL
if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'marsad_test'\"" | grep -q 1; then
	su postgres -c "createdb -O marsad marsad_test"
fi

MARSAD_TEST_POSTGRES="postgres://marsad:$password@127.0.0.1:5432/marsad_test?sslmode=disable"
export MARSAD_TEST_POSTGRES
echo "MARSAD_TEST_POSTGRES=$MARSAD_TEST_POSTGRES"
