import { findChain } from './generator/dist/plan/diagrams/chain.js'
for (const t of [
 "The Docker you type commands into is only the front end. The docker CLI talks to the Docker daemon (dockerd) over a REST API, usually through the Unix socket `/var/run/docker.sock`. The daemon handles images, networks and volumes, then hands work to containerd, which uses runc to start the container process. Once runc has set up namespaces and cgroups and launched the process, it exits, and a small shim process stays behind as the container's parent.",
 "Docker Engine uses containerd to manage containers. At the core of containerd is runC, the reference OCI runtime.",
 "The request goes client → API server → etcd.",
 "Kubernetes uses a control plane. It is nice.",
 "The kubelet talks to the container runtime through the CRI, which uses runc to start containers.",
]) console.log(JSON.stringify(findChain(t)))
