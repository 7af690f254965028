--[[
spank-qrun's job_submit/lua script (/etc/slurm/job_submit.lua, JobSubmitPlugins=lua in slurm.conf).
slurmctld runs it for every job at submit time, as root; the user cannot change what it sets.

For a job submitted with --q-backend=NAME (the spank_ibm_qrun plugin's option) it
  * binds the backend to the job: AdminComment = {"qrun":{"backend":"NAME"}}, which the gateway reads;
  * asks for one license of the backend, NAME@qrun:1 (remote licenses in slurmdbd, whose counts follow
    the backend's execution lanes), so that Slurm starts no more such jobs than the QPU can run and holds
    the others in the queue with reason Licenses.
It refuses, with a message sbatch/salloc/srun print, a job that sets its own AdminComment, asks for a
QPU license itself, or names a malformed backend. See docs/accounting.md.
--]]

-- The server part of the licenses' names: "qrun" for remote licenses NAME@qrun registered in slurmdbd
-- (sacctmgr add resource ... server=qrun). Set it to "" for local licenses (Licenses=NAME:N in slurm.conf).
QRUN_LICENSE_SERVER = "qrun"

-- The backends that have a license, as a set ({ ["fake_brisbane"] = true, ... }); nil: every backend. A job for
-- a backend outside the set is bound to it but gets no license (Slurm refuses a job that asks for a license it
-- does not know).
QRUN_LICENSED_BACKENDS = nil

local BACKEND_OPTION = "_SLURM_SPANK_OPTION_spank_ibm_qrun_q_backend="

-- The --q-backend value the user gave, or nil.
local function qrun_backend(job_desc)
	local env = job_desc.spank_job_env
	if env == nil then
		return nil
	end
	for _, entry in pairs(env) do
		if type(entry) == "string" and entry:sub(1, #BACKEND_OPTION) == BACKEND_OPTION then
			return entry:sub(#BACKEND_OPTION + 1)
		end
	end
	return nil
end

local function valid_backend(name)
	return #name >= 1 and #name <= 128 and name:match("^[%w_%.%-]+$") ~= nil
end

-- The license a job for `backend` needs, e.g. "fake_brisbane@qrun".
function qrun_license_name(backend)
	if QRUN_LICENSE_SERVER == "" then
		return backend
	end
	return backend .. "@" .. QRUN_LICENSE_SERVER
end

-- Is the license `name` (from a --licenses list) one that only this script hands out?
local function is_qrun_license(name, backend)
	if QRUN_LICENSE_SERVER ~= "" then
		return name:sub(-(#QRUN_LICENSE_SERVER + 1)) == "@" .. QRUN_LICENSE_SERVER
	end
	return backend ~= nil and name == backend
end

-- The names in a --licenses value: "a@s:2,b" -> {"a@s", "b"} (Slurm 22.05 also accepts ';' between them).
local function license_names(licenses)
	local names = {}
	if licenses == nil then
		return names
	end
	for item in licenses:gmatch("[^,;]+") do
		local name = item:match("^%s*([^:%s]+)")
		if name ~= nil then
			table.insert(names, name)
		end
	end
	return names
end

-- Adds the backend's license to job_desc; returns nil, or the message that refuses the job.
function qrun_add_license(job_desc, backend)
	for _, name in ipairs(license_names(job_desc.licenses)) do
		if is_qrun_license(name, backend) then
			if backend ~= nil then
				return string.format("spank-qrun: --licenses=%s: the QPU license is given by --q-backend (this job gets %s:1); remove %s from --licenses",
					job_desc.licenses, qrun_license_name(backend), name)
			end
			return string.format("spank-qrun: --licenses=%s: %s is a QPU license, given only to jobs submitted with --q-backend=NAME; submit with --q-backend instead",
				job_desc.licenses, name)
		end
	end
	if backend == nil or (QRUN_LICENSED_BACKENDS ~= nil and not QRUN_LICENSED_BACKENDS[backend]) then
		return nil
	end
	local license = qrun_license_name(backend) .. ":1"
	if job_desc.licenses == nil or job_desc.licenses == "" then
		job_desc.licenses = license
	else
		job_desc.licenses = job_desc.licenses .. "," .. license
	end
	return nil
end

function slurm_job_submit(job_desc, part_list, submit_uid)
	local backend = qrun_backend(job_desc)
	if backend ~= nil and not valid_backend(backend) then
		slurm.log_user("spank-qrun: --q-backend='%s' is not a backend name: 1 to 128 letters, digits, '_', '-' or '.'", backend)
		return slurm.ERROR
	end
	if backend ~= nil then
		if job_desc.admin_comment ~= nil and job_desc.admin_comment ~= "" then
			slurm.log_user("spank-qrun: --admin-comment cannot be set on a job with --q-backend: spank-qrun records the job's backend there")
			return slurm.ERROR
		end
		job_desc.admin_comment = string.format('{"qrun":{"backend":"%s"}}', backend)
	end
	local refusal = qrun_add_license(job_desc, backend)
	if refusal ~= nil then
		slurm.log_user("%s", refusal)
		return slurm.ERROR
	end
	if backend ~= nil then
		slurm.log_debug("spank-qrun: job of uid %d for backend %s: licenses %s", submit_uid, backend, job_desc.licenses)
	end
	return slurm.SUCCESS
end

function slurm_job_modify(job_desc, job_rec, part_list, modify_uid)
	if modify_uid == 0 or job_desc.licenses == nil then
		return slurm.SUCCESS
	end
	local held = false
	for _, name in ipairs(license_names(job_rec.licenses)) do
		if is_qrun_license(name, nil) then
			held = true
		end
	end
	for _, name in ipairs(license_names(job_desc.licenses)) do
		if is_qrun_license(name, nil) then
			held = true
		end
	end
	if held then
		slurm.log_user("spank-qrun: the QPU licenses of a job come from --q-backend at submit time and cannot be changed; cancel the job and submit it again")
		return slurm.ERROR
	end
	return slurm.SUCCESS
end

slurm.log_info("spank-qrun job_submit.lua loaded (license server '%s')", QRUN_LICENSE_SERVER)
return slurm.SUCCESS
