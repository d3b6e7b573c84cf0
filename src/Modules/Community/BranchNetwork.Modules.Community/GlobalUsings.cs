// What nearly every file of the module uses; a file adds its own usings for the rest.
global using BranchNetwork.Modules.Community.Data;
global using BranchNetwork.Modules.Community.Domain;
global using BranchNetwork.SharedKernel;
global using BranchNetwork.SharedKernel.Errors;
global using Microsoft.EntityFrameworkCore;
